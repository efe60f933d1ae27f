import { recordFact, type Deal, type DealFact } from '../pipeline/deal';
import { stored } from './deals';
import { asStoreError, StoreError } from './errors';
import { STRICT, type Store } from './open';
import type { Activity, ActivityKind } from './schema';
import { dbOf } from './internal';

export interface ActivityInput {
  contactId: string;
  dealId?: string;
  kind: ActivityKind;
  text: string;
  at?: number;
}

/** What an activity proves about its deal: outreach for the first contact, a check-in for monitoring. */
function factOf(kind: ActivityKind): DealFact | undefined {
  if (kind === 'email' || kind === 'call' || kind === 'meeting') return { kind: 'outreach' };
  if (kind === 'check-in') return { kind: 'check-in' };
  return undefined;
}

/** Logs an activity; when it belongs to a deal, the deal's facts are updated in the same transaction. */
export async function addActivity(
  store: Store,
  input: ActivityInput,
): Promise<{ activity: Activity; deal?: Deal }> {
  const text = input.text.trim().slice(0, 20_000);
  if (!text && input.kind === 'note') throw new StoreError('invalid', 'A note cannot be empty.');
  const now = store.now();
  try {
    const tx = dbOf(store).transaction(['activities', 'deals'], 'readwrite', STRICT);
    let deal: Deal | undefined;
    if (input.dealId) {
      const current = await tx.objectStore('deals').get(input.dealId);
      if (!current) throw new StoreError('not-found', 'This deal no longer exists.');
      const fact = factOf(input.kind);
      if (fact && current.status !== 'lost') {
        const next = stored({ ...recordFact(current, fact, input.at ?? now), version: current.version + 1 });
        await tx.objectStore('deals').put(next);
        deal = next;
      }
    }
    const activity: Activity = {
      id: store.newId(),
      subjectId: input.dealId ?? input.contactId,
      contactId: input.contactId,
      dealId: input.dealId,
      kind: input.kind,
      at: input.at ?? now,
      text,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await tx.objectStore('activities').add(activity);
    await tx.done;
    store.emit({ store: 'activities', ids: [activity.id], kind: 'put' });
    if (deal) store.emit({ store: 'deals', ids: [deal.id], kind: 'put' });
    return { activity, deal };
  } catch (error) {
    throw asStoreError(error);
  }
}

export async function activitiesOf(store: Store, subjectId: string): Promise<Activity[]> {
  const list = await dbOf(store).getAllFromIndex('activities', 'bySubject', subjectId);
  return list.sort((a, b) => b.at - a.at);
}

export async function activitiesOfContact(store: Store, contactId: string): Promise<Activity[]> {
  const list = await dbOf(store).getAllFromIndex('activities', 'byContact', contactId);
  return list.sort((a, b) => b.at - a.at);
}
