import { nextDue } from '../pipeline/next-step';
import { restart, startDeal, type Deal, type RestartInput, type StartDealInput } from '../pipeline/deal';
import { STEP_IDS, type StepId } from '../pipeline/steps';
import { asStoreError, conflict, StoreError } from './errors';
import { STRICT, type Store } from './open';
import type { StoredDeal } from './schema';
import { dbOf } from './internal';

/** The record as stored: the deal plus its next due date, for the due index. */
export function stored(deal: Deal): StoredDeal {
  const dueAt = nextDue(deal);
  const { dueAt: _old, ...rest } = deal as StoredDeal;
  return dueAt === undefined ? rest : { ...rest, dueAt };
}

/**
 * Whether a view that read the deal at `expectedVersion` may write: it is the current version, or
 * every version since came from mail reads (`repVersion`), which the write then keeps.
 */
export function isCurrentFor(deal: Pick<Deal, 'version' | 'repVersion'>, expectedVersion: number): boolean {
  if (deal.version === expectedVersion) return true;
  return (
    deal.repVersion !== undefined && expectedVersion >= deal.repVersion && expectedVersion < deal.version
  );
}

/** A rep's write: the next version, no longer marked as mail-only. */
export function repWrite(deal: Deal, version: number): StoredDeal {
  const { repVersion: _mailOnly, ...rest } = deal;
  return stored({ ...rest, version });
}

export async function createDeal(store: Store, input: Omit<StartDealInput, 'id' | 'now'>): Promise<Deal> {
  try {
    const tx = dbOf(store).transaction(['contacts', 'deals'], 'readwrite', STRICT);
    if (!(await tx.objectStore('contacts').get(input.contactId))) {
      throw new StoreError('not-found', 'The contact of this deal no longer exists.');
    }
    const deal = stored(startDeal({ ...input, id: store.newId(), now: store.now() }));
    await tx.objectStore('deals').add(deal);
    await tx.done;
    store.emit({ store: 'deals', ids: [deal.id], kind: 'put' });
    return deal;
  } catch (error) {
    throw asStoreError(error);
  }
}

/**
 * Applies a state-machine transition to the stored deal if nobody changed it since
 * `expectedVersion`; a stale view gets a conflict instead of overwriting.
 */
export async function updateDeal(
  store: Store,
  id: string,
  expectedVersion: number,
  transition: (deal: Deal, now: number) => Deal,
): Promise<Deal> {
  try {
    const tx = dbOf(store).transaction('deals', 'readwrite', STRICT);
    const current = await tx.store.get(id);
    if (!current) throw new StoreError('not-found', 'This deal no longer exists.');
    if (!isCurrentFor(current, expectedVersion)) throw conflict('deal', id);
    const next = repWrite(transition(current, store.now()), current.version + 1);
    await tx.store.put(next);
    await tx.done;
    store.emit({ store: 'deals', ids: [id], kind: 'put' });
    return next;
  } catch (error) {
    throw asStoreError(error);
  }
}

/** Restart from nurture: updates the origin and adds the new deal in one transaction. */
export async function restartDeal(
  store: Store,
  id: string,
  expectedVersion: number,
  input: Omit<RestartInput, 'newDealId' | 'now'>,
): Promise<{ origin: Deal; started: Deal }> {
  try {
    const tx = dbOf(store).transaction(['contacts', 'deals'], 'readwrite', STRICT);
    const deals = tx.objectStore('deals');
    const current = await deals.get(id);
    if (!current) throw new StoreError('not-found', 'This deal no longer exists.');
    if (!isCurrentFor(current, expectedVersion)) throw conflict('deal', id);
    const contacts = tx.objectStore('contacts');
    const referred = input.contactId ? await contacts.get(input.contactId) : undefined;
    if (input.contactId && !referred)
      throw new StoreError('not-found', 'The referred contact does not exist.');
    const result = restart(current, { ...input, newDealId: store.newId(), now: store.now() });
    const origin = repWrite(result.origin, current.version + 1);
    const started = stored(result.started);
    await deals.put(origin);
    await deals.add(started);
    // A referral's new contact is linked to the customer who referred them.
    const linkReferrer = input.kind === 'referral' && referred && !referred.referredBy;
    if (linkReferrer) {
      await contacts.put({
        ...referred,
        referredBy: current.contactId,
        updatedAt: store.now(),
        version: referred.version + 1,
      });
    }
    await tx.done;
    store.emit({ store: 'deals', ids: [origin.id, started.id], kind: 'put' });
    if (linkReferrer) store.emit({ store: 'contacts', ids: [referred.id], kind: 'put' });
    return { origin, started };
  } catch (error) {
    throw asStoreError(error);
  }
}

export async function getDeal(store: Store, id: string): Promise<Deal | undefined> {
  return dbOf(store).get('deals', id);
}

export async function dealsOfContact(store: Store, contactId: string): Promise<Deal[]> {
  const deals = await dbOf(store).getAllFromIndex('deals', 'byContact', contactId);
  return deals.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The deal to show for a contact: the most recently changed open one, else the latest. */
export function currentDeal(deals: Deal[]): Deal | undefined {
  return (
    deals.find((d) => d.status !== 'lost' && d.step !== 'nurture') ??
    deals.find((d) => d.status !== 'lost') ??
    deals[0]
  );
}

/** Deals whose next step is due by `until`, soonest first (lost deals have no due date). */
export async function dueDeals(store: Store, until: number, limit = 200): Promise<Deal[]> {
  const range = IDBKeyRange.upperBound(until);
  const out: Deal[] = [];
  let cursor = await dbOf(store).transaction('deals').store.index('byDue').openCursor(range);
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export type Board = Record<StepId, Deal[]>;

/** Deals grouped by step for the given statuses, each column overdue-first then soonest due. */
export async function board(store: Store, statuses: Deal['status'][] = ['open', 'won']): Promise<Board> {
  const columns = Object.fromEntries(STEP_IDS.map((s) => [s, [] as Deal[]])) as Board;
  const tx = dbOf(store).transaction('deals');
  const index = tx.store.index('byStatusStep');
  await Promise.all(
    statuses.flatMap((status) =>
      STEP_IDS.map(async (step) => {
        const deals = await index.getAll([status, step]);
        columns[step].push(...deals);
      }),
    ),
  );
  for (const step of STEP_IDS)
    columns[step].sort((a, b) => (nextDue(a) ?? Infinity) - (nextDue(b) ?? Infinity));
  return columns;
}

export async function allDeals(store: Store): Promise<Deal[]> {
  return dbOf(store).getAll('deals');
}

/** The current deal (see `currentDeal`) of each contact, read in one transaction. */
export async function currentDealsOf(
  store: Store,
  contactIds: string[],
): Promise<Map<string, Deal | undefined>> {
  const tx = dbOf(store).transaction('deals');
  const index = tx.store.index('byContact');
  const out = new Map<string, Deal | undefined>();
  await Promise.all(
    [...new Set(contactIds)].map(async (id) => {
      const deals = (await index.getAll(id)).sort((a, b) => b.updatedAt - a.updatedAt);
      out.set(id, currentDeal(deals));
    }),
  );
  return out;
}
