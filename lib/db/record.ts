import type { IDBPTransaction } from 'idb';
import type { Contact } from '../contacts/contact';
import { duplicateReasons, type DuplicateReason } from '../contacts/duplicates';
import { normaliseEmail } from '../contacts/email';
import { mergeContactRecords, type MergeChoices } from '../contacts/merge';
import { namesAnyOf, withoutPerson } from '../threads/forget';
import { asStoreError, conflict, StoreError } from './errors';
import { abandon, dbOf } from './internal';
import { STRICT, type Store } from './open';
import type { Activity, PipelineDB, StoredDeal, ThreadRecord } from './schema';
import { isCurrentFor } from './deals';
import { threadsNamingContact, type ThreadIndexes } from './threads';

/** Every record that belongs to one person: what "forget" deletes and "what is stored" shows. */
export interface PersonRecords {
  contact: Contact;
  deals: StoredDeal[];
  activities: Activity[];
  /** Threads linked to them or naming them (as they were, for forget's undo). */
  threads: ThreadRecord[];
}

const keyOf = (email: string) => normaliseEmail(email)?.key;

/** The threads linked to a contact, and those that name one of its addresses, newest first. */
async function threadsOfPerson(threads: ThreadIndexes, contact: Contact): Promise<ThreadRecord[]> {
  return (await threadsNamingContact(threads, contact))
    .filter((t) => t.contactId === contact.id || namesAnyOf(t, contact.emailKeys, keyOf))
    .sort((a, b) => (b.lastAt ?? 0) - (a.lastAt ?? 0));
}

export interface Duplicate {
  contact: Contact;
  reasons: DuplicateReason[];
}

const MAX_DUPLICATES = 10;

/**
 * Contacts that are likely the same person as `contact` (same name and company, a shared phone,
 * a shared profile link), found through the phone, profile and term indexes.
 */
export async function duplicatesOf(store: Store, contact: Contact): Promise<Duplicate[]> {
  const tx = dbOf(store).transaction('contacts');
  const candidates = new Map<string, Contact>();
  const add = (list: Contact[]) => list.forEach((c) => candidates.set(c.id, c));
  await Promise.all([
    ...contact.phones.map(async (p) => add(await tx.store.index('byPhone').getAll(p))),
    ...contact.profiles.map(async (p) => add(await tx.store.index('byProfile').getAll(p))),
    (async () => {
      const word = contact.name.toLocaleLowerCase().split(/\s+/)[0];
      if (word) add(await tx.store.index('byTerm').getAll(word, 200));
    })(),
  ]);
  return [...candidates.values()]
    .map((c) => ({ contact: c, reasons: duplicateReasons(contact, c) }))
    .filter((d) => d.reasons.length > 0)
    .slice(0, MAX_DUPLICATES);
}

/** The contact with its deals, activities and threads, read in one transaction. */
export async function personRecords(store: Store, id: string): Promise<PersonRecords | undefined> {
  const tx = dbOf(store).transaction(['contacts', 'deals', 'activities', 'threads']);
  const [contact, deals, activities] = await Promise.all([
    tx.objectStore('contacts').get(id),
    tx.objectStore('deals').index('byContact').getAll(id),
    tx.objectStore('activities').index('byContact').getAll(id),
  ]);
  if (!contact) return undefined;
  return { contact, deals, activities, threads: await threadsOfPerson(tx.objectStore('threads'), contact) };
}

/** Contacts another contact was referred by: the only other records that name a person. */
export async function referralsOf(store: Store, id: string): Promise<Contact[]> {
  const out: Contact[] = [];
  let cursor = await dbOf(store).transaction('contacts').store.openCursor();
  while (cursor) {
    if (cursor.value.referredBy === id) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

type RecordStore = 'contacts' | 'deals' | 'activities' | 'threads';

async function inTransaction<T>(
  store: Store,
  stores: RecordStore[],
  work: (tx: ReturnType<typeof writeTx>) => Promise<T>,
): Promise<T> {
  try {
    const tx = writeTx(store, stores);
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      abandon(tx);
      throw error;
    }
    await tx.done;
    return result;
  } catch (error) {
    throw asStoreError(error);
  }
}

function writeTx(store: Store, stores: RecordStore[]) {
  return dbOf(store).transaction(stores, 'readwrite', STRICT);
}

export interface MergeRequest {
  keepId: string;
  keepVersion: number;
  otherId: string;
  otherVersion: number;
  choices: MergeChoices;
}

/**
 * Merges two contacts into the kept one in one transaction: every address, phone, profile, deal,
 * activity and linked thread of the other moves over, contacts it referred point to the kept one,
 * and the other record is deleted. Both versions are checked: a stale view gets a conflict.
 */
export async function mergeContacts(
  store: Store,
  request: MergeRequest,
): Promise<{ contact: Contact; movedDeals: number; movedActivities: number; movedThreads: number }> {
  if (request.keepId === request.otherId)
    throw new StoreError('invalid', 'A contact cannot be merged with itself.');
  const now = store.now();
  const touched = {
    deals: [] as string[],
    activities: [] as string[],
    contacts: [] as string[],
    threads: [] as string[],
  };
  const result = await inTransaction(store, ['contacts', 'deals', 'activities', 'threads'], async (tx) => {
    const contacts = tx.objectStore('contacts');
    const [keep, other] = await Promise.all([contacts.get(request.keepId), contacts.get(request.otherId)]);
    if (!keep || !other) throw new StoreError('not-found', 'One of these contacts no longer exists.');
    if (keep.version !== request.keepVersion) throw conflict('contact', keep.id);
    if (other.version !== request.otherVersion) throw conflict('contact', other.id);
    const merged = mergeContactRecords(keep, other, request.choices, now);
    // The other's addresses are unique in the index: free them before the kept record takes them.
    await contacts.delete(other.id);
    await contacts.put(merged);
    const deals = tx.objectStore('deals');
    for (const deal of await deals.index('byContact').getAll(other.id)) {
      await deals.put({ ...deal, contactId: keep.id, updatedAt: now, version: deal.version + 1 });
      touched.deals.push(deal.id);
    }
    const activities = tx.objectStore('activities');
    for (const activity of await activities.index('byContact').getAll(other.id)) {
      await activities.put({
        ...activity,
        contactId: keep.id,
        subjectId: activity.subjectId === other.id ? keep.id : activity.subjectId,
        updatedAt: now,
        version: activity.version + 1,
      });
      touched.activities.push(activity.id);
    }
    // Linked threads follow (their deal moved too, so the link and its follow-up stay as they were).
    const threads = tx.objectStore('threads');
    for (const thread of await threads.index('byContact').getAll(other.id)) {
      await threads.put({ ...thread, contactId: keep.id, updatedAt: now, version: thread.version + 1 });
      touched.threads.push(thread.id);
    }
    let cursor = await contacts.openCursor();
    while (cursor) {
      if (cursor.value.referredBy === other.id && cursor.value.id !== keep.id) {
        await cursor.update({
          ...cursor.value,
          referredBy: keep.id,
          updatedAt: now,
          version: cursor.value.version + 1,
        });
        touched.contacts.push(cursor.value.id);
      }
      cursor = await cursor.continue();
    }
    return {
      contact: merged,
      movedDeals: touched.deals.length,
      movedActivities: touched.activities.length,
      movedThreads: touched.threads.length,
    };
  });
  store.emit({ store: 'contacts', ids: [request.otherId], kind: 'delete' });
  store.emit({ store: 'contacts', ids: [request.keepId, ...touched.contacts], kind: 'put' });
  if (touched.deals.length) store.emit({ store: 'deals', ids: touched.deals, kind: 'put' });
  if (touched.activities.length) store.emit({ store: 'activities', ids: touched.activities, kind: 'put' });
  if (touched.threads.length) store.emit({ store: 'threads', ids: touched.threads, kind: 'put' });
  return result;
}

/**
 * A thread without a forgotten person: their address leaves it, and so does its link to them (the
 * contact, their deal and its follow-up date, the answers read for that deal); it waits for a
 * saved contact again like any unlinked thread. Undefined when nobody else is in it (it is then
 * deleted). Messages keep only a date and a direction, no sender: the others' stay with them.
 */
function threadWithout(
  thread: ThreadRecord,
  contact: Contact,
  dealIds: ReadonlySet<string>,
  now: number,
): ThreadRecord | undefined {
  const rest = withoutPerson(
    thread.contactId === contact.id ? unlinkedThread(thread, now) : thread,
    contact.emailKeys,
    keyOf,
  );
  if (!rest) return undefined;
  const { askDealIds, ...kept } = rest;
  const asked = askDealIds?.filter((d) => !dealIds.has(d));
  return asked?.length ? { ...kept, askDealIds: asked } : kept;
}

function unlinkedThread(thread: ThreadRecord, now: number): ThreadRecord {
  const { contactId: _c, dealId: _d, followUpDueAt: _f, answers: _a, ...rest } = thread;
  return { ...rest, pendingAt: thread.pendingAt ?? now };
}

/** What forgetting a person does to each record of theirs, worked out before anything is written. */
interface ForgetPlan extends PersonRecords {
  /** Each of their threads (as it is) and what stays of it: nothing (it is deleted), or the thread without them. */
  outcomes: { before: ThreadRecord; after: ThreadRecord | undefined }[];
}

/** What "forget" deletes and what it only takes them out of: the dialog's preview and forget's own result. */
export interface ForgetCounts {
  deals: number;
  activities: number;
  /** Threads deleted: nobody but the person (and the rep) is in them. */
  threads: number;
  /** Threads others are in: they stay, without the person. */
  keptThreads: number;
}

/**
 * The one place the forget rule is worked out (`threadWithout` for each thread): the preview
 * reads it in a read-only transaction, `forgetContact` carries it out in its own, so the preview
 * says exactly what the transaction then does (as long as nothing changes in between).
 */
async function planForget<M extends IDBTransactionMode>(
  tx: IDBPTransaction<PipelineDB, RecordStore[], M>,
  id: string,
  now: number,
): Promise<ForgetPlan> {
  const contact = await tx.objectStore('contacts').get(id);
  if (!contact) throw new StoreError('not-found', 'This contact no longer exists.');
  const [deals, activities, threads] = await Promise.all([
    tx.objectStore('deals').index('byContact').getAll(id),
    tx.objectStore('activities').index('byContact').getAll(id),
    threadsOfPerson(tx.objectStore('threads'), contact),
  ]);
  const dealIds = new Set(deals.map((d) => d.id));
  const outcomes = threads.map((before) => ({ before, after: threadWithout(before, contact, dealIds, now) }));
  return { contact, deals, activities, threads, outcomes };
}

function countsOf(plan: ForgetPlan): ForgetCounts {
  const deleted = plan.outcomes.filter((o) => !o.after).length;
  return {
    deals: plan.deals.length,
    activities: plan.activities.length,
    threads: deleted,
    keptThreads: plan.outcomes.length - deleted,
  };
}

/** What forgetting this contact would delete and change, by the rule `forgetContact` carries out. */
export async function forgetPreview(store: Store, id: string): Promise<ForgetCounts> {
  try {
    const tx = dbOf(store).transaction(['contacts', 'deals', 'activities', 'threads']);
    return countsOf(await planForget(tx, id, store.now()));
  } catch (error) {
    throw asStoreError(error);
  }
}

/** What forget took away, as it was, for its Undo. */
export interface ForgottenRecords extends PersonRecords {
  /** The ids of the contacts this person had referred (forget took the link off them). */
  referred: string[];
}

/**
 * Deletes a contact with all its deals, activities and the threads only they are in, in one
 * transaction; takes the person (and their link) out of threads others are in too, and unlinks
 * contacts they referred. Returns what was deleted or changed (as it was), so an Undo can put it back,
 * and what it did, counted as `forgetPreview` counts.
 */
export async function forgetContact(
  store: Store,
  id: string,
): Promise<ForgottenRecords & { counts: ForgetCounts }> {
  const referred: ForgottenRecords['referred'] = [];
  const changedThreads: string[] = [];
  const removedThreads: string[] = [];
  const now = store.now();
  const plan = await inTransaction(store, ['contacts', 'deals', 'activities', 'threads'], async (tx) => {
    const plan = await planForget(tx, id, now);
    const contacts = tx.objectStore('contacts');
    const threadStore = tx.objectStore('threads');
    await Promise.all([
      contacts.delete(id),
      ...plan.deals.map((d) => tx.objectStore('deals').delete(d.id)),
      ...plan.activities.map((a) => tx.objectStore('activities').delete(a.id)),
    ]);
    for (const { before, after } of plan.outcomes) {
      if (after) {
        await threadStore.put({ ...after, updatedAt: now, version: before.version + 1 });
        changedThreads.push(before.id);
      } else {
        await threadStore.delete(before.id);
        removedThreads.push(before.id);
      }
    }
    let cursor = await contacts.openCursor();
    while (cursor) {
      if (cursor.value.referredBy === id) {
        const { referredBy: _gone, ...rest } = cursor.value;
        // A change like any other: its time goes with its version (team sync, "last changed").
        await cursor.update({ ...rest, updatedAt: now, version: cursor.value.version + 1 });
        referred.push(rest.id);
      }
      cursor = await cursor.continue();
    }
    return plan;
  });
  store.emit({ store: 'contacts', ids: [id], kind: 'delete' });
  if (referred.length) store.emit({ store: 'contacts', ids: referred, kind: 'put' });
  if (plan.deals.length) store.emit({ store: 'deals', ids: plan.deals.map((d) => d.id), kind: 'delete' });
  if (plan.activities.length)
    store.emit({ store: 'activities', ids: plan.activities.map((a) => a.id), kind: 'delete' });
  if (removedThreads.length) store.emit({ store: 'threads', ids: removedThreads, kind: 'delete' });
  if (changedThreads.length) store.emit({ store: 'threads', ids: changedThreads, kind: 'put' });
  const { outcomes: _o, ...records } = plan;
  return { ...records, referred, counts: countsOf(plan) };
}

/**
 * Undo of `forgetContact`: puts the records back as they were, unless an address was taken since.
 * A thread read again meanwhile keeps its newer state. The contacts they had referred point to them
 * again, unless one was given another referrer since (that newer link stays); their own referrer
 * stays only if that contact still exists.
 */
export async function restorePerson(store: Store, records: ForgottenRecords): Promise<void> {
  const restoredThreads: string[] = [];
  const relinked: string[] = [];
  await inTransaction(store, ['contacts', 'deals', 'activities', 'threads'], async (tx) => {
    const contacts = tx.objectStore('contacts');
    for (const key of records.contact.emailKeys) {
      if (await contacts.index('byEmail').getKey(key))
        throw new StoreError('conflict', `${key} was saved again meanwhile; nothing was restored.`);
    }
    const { referredBy, ...contact } = records.contact;
    const referrerLeft = referredBy !== undefined && !(await contacts.getKey(referredBy));
    await contacts.add(referrerLeft ? contact : records.contact);
    await Promise.all([
      ...records.deals.map((d) => tx.objectStore('deals').add(d)),
      ...records.activities.map((a) => tx.objectStore('activities').add(a)),
    ]);
    for (const id of records.referred) {
      const now = await contacts.get(id);
      if (!now || now.referredBy !== undefined) continue;
      await contacts.put({
        ...now,
        referredBy: records.contact.id,
        updatedAt: store.now(),
        version: now.version + 1,
      });
      relinked.push(id);
    }
    const threads = tx.objectStore('threads');
    for (const before of records.threads) {
      const now = await threads.get(before.id);
      if (now && now.version !== before.version + 1) continue;
      // The next version, not the old one again: team sync must see it as the change after the
      // forget's, never as a second version of the same age.
      await threads.put({ ...before, version: (now?.version ?? before.version) + 1, updatedAt: store.now() });
      restoredThreads.push(before.id);
    }
  });
  store.emit({ store: 'contacts', ids: [records.contact.id, ...relinked], kind: 'put' });
  if (records.deals.length) store.emit({ store: 'deals', ids: records.deals.map((d) => d.id), kind: 'put' });
  if (records.activities.length)
    store.emit({ store: 'activities', ids: records.activities.map((a) => a.id), kind: 'put' });
  if (restoredThreads.length) store.emit({ store: 'threads', ids: restoredThreads, kind: 'put' });
}

/** Deletes one deal and the activities logged on it, if nobody changed it since `expectedVersion`. */
export async function deleteDeal(
  store: Store,
  id: string,
  expectedVersion: number,
): Promise<{ deal: StoredDeal; activities: Activity[] }> {
  const gone = await inTransaction(store, ['deals', 'activities'], async (tx) => {
    const deal = await tx.objectStore('deals').get(id);
    if (!deal) throw new StoreError('not-found', 'This deal no longer exists.');
    if (!isCurrentFor(deal, expectedVersion)) throw conflict('deal', id);
    const activities = await tx.objectStore('activities').index('bySubject').getAll(id);
    await Promise.all([
      tx.objectStore('deals').delete(id),
      ...activities.map((a) => tx.objectStore('activities').delete(a.id)),
    ]);
    return { deal, activities };
  });
  store.emit({ store: 'deals', ids: [id], kind: 'delete' });
  if (gone.activities.length)
    store.emit({ store: 'activities', ids: gone.activities.map((a) => a.id), kind: 'delete' });
  return gone;
}
