import type { IDBPTransaction } from 'idb';
import type { Contact } from '../contacts/contact';
import { recordFact, type Deal } from '../pipeline/deal';
import type { StepId } from '../pipeline/steps';
import {
  dealFollowUp,
  decideLink,
  followUpOf,
  lastMessage,
  mergeMessages,
  type FollowUp,
  type ThreadMessage,
  type ThreadRead,
} from '../threads';
import { stored } from './deals';
import { asStoreError, StoreError } from './errors';
import { dbOf } from './internal';
import { STRICT, type Store } from './open';
import type { Activity, PipelineDB, StoredDeal, ThreadRecord } from './schema';
import { MAX_THREAD_MESSAGES } from '../threads/limits';
import { unsuppressedThread } from './suppression';

/** Threads read with no saved contact in them are kept up to this many, the oldest dropped first. */
export const MAX_PENDING_THREADS = 500;

/** How follow-ups are counted: the rep's time zone and the working days per pipeline step. */
export interface FollowUpPolicy {
  timeZone: string;
  workingDays(step: StepId): number;
}

type Tx = IDBPTransaction<PipelineDB, ('threads' | 'activities' | 'deals' | 'contacts')[], 'readwrite'>;

interface Written {
  threads: Set<string>;
  removedThreads: Set<string>;
  activities: Set<string>;
  removedActivities: Set<string>;
  deals: Set<string>;
}

const written = (): Written => ({
  threads: new Set(),
  removedThreads: new Set(),
  activities: new Set(),
  removedActivities: new Set(),
  deals: new Set(),
});

function emitWritten(store: Store, w: Written) {
  if (w.threads.size) store.emit({ store: 'threads', ids: [...w.threads], kind: 'put' });
  if (w.removedThreads.size) store.emit({ store: 'threads', ids: [...w.removedThreads], kind: 'delete' });
  if (w.activities.size) store.emit({ store: 'activities', ids: [...w.activities], kind: 'put' });
  if (w.removedActivities.size)
    store.emit({ store: 'activities', ids: [...w.removedActivities], kind: 'delete' });
  if (w.deals.size) store.emit({ store: 'deals', ids: [...w.deals], kind: 'put' });
}

export const threadKey = (provider: string, threadId: string) => `${provider}:${threadId}`;
const messageKey = (thread: ThreadRecord, m: ThreadMessage) => `${thread.provider}:${m.id}`;

/** The contact of a thread: the focused sender if saved, else the first saved participant. */
async function contactOf(tx: Tx, thread: ThreadRecord, focusKey?: string): Promise<string | undefined> {
  const contacts = tx.objectStore('contacts');
  if (thread.contactId && (await contacts.get(thread.contactId))) return thread.contactId;
  const index = contacts.index('byEmail');
  for (const key of [...(focusKey ? [focusKey] : []), ...thread.prospectKeys]) {
    const found = await index.getKey(key);
    if (found) return found;
  }
  return undefined;
}

/** Removes the message activities of a thread (unlinked, or its deal deleted). */
async function dropActivities(tx: Tx, threadId: string, w: Written) {
  const activities = tx.objectStore('activities');
  for (const key of await activities.index('byThread').getAllKeys(threadId)) {
    await activities.delete(key);
    w.removedActivities.add(key);
  }
}

/** One `email` activity per message of a linked thread, keyed by the provider's message id. */
async function logMessages(
  tx: Tx,
  store: Store,
  thread: ThreadRecord,
  deal: StoredDeal,
  messages: readonly ThreadMessage[],
  w: Written,
) {
  const activities = tx.objectStore('activities');
  const now = store.now();
  for (const m of messages) {
    const messageId = messageKey(thread, m);
    const existing = await activities.index('byMessage').get(messageId);
    if (existing && existing.dealId === deal.id) continue;
    const activity: Activity = {
      id: existing?.id ?? store.newId(),
      subjectId: deal.id,
      contactId: deal.contactId,
      dealId: deal.id,
      kind: 'email',
      at: m.at,
      text: thread.subject,
      messageId,
      threadRef: thread.id,
      direction: m.direction,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      version: (existing?.version ?? 0) + 1,
    };
    await activities.put(activity);
    w.activities.add(activity.id);
  }
  const firstOut = messages.filter((m) => m.direction === 'out').sort((a, b) => a.at - b.at)[0];
  if (firstOut && deal.status === 'open' && deal.facts.outreachAt === undefined) {
    // The rep's e-mail is the outreach the "Initiate contact" step asks for. A mail read, not a
    // rep's edit: a sidebar still showing the previous version may write over it (repVersion).
    const next = stored({
      ...recordFact(deal, { kind: 'outreach' }, firstOut.at),
      version: deal.version + 1,
      repVersion: deal.repVersion ?? deal.version,
    });
    await tx.objectStore('deals').put(next);
    w.deals.add(deal.id);
  }
}

function withFollowUp(thread: ThreadRecord, deal: Deal | undefined, policy: FollowUpPolicy): ThreadRecord {
  const last = lastMessage(thread.messages);
  const followUp = followUpOf(thread.messages, policy.workingDays(deal?.step ?? 'initiate'), policy.timeZone);
  const { followUpDueAt: _old, ...rest } = thread;
  const dueAt = deal && deal.status === 'open' && followUp.state !== 'none' ? followUp.dueAt : undefined;
  return {
    ...rest,
    lastAt: last?.at,
    lastDirection: last?.direction,
    followUp,
    ...(dueAt === undefined ? {} : { followUpDueAt: dueAt }),
  };
}

/**
 * Decides the thread's contact and deal (see `decideLink`), logs its messages on the deal when
 * linked, and recomputes its follow-up. `choice` is the rep's: a deal id to link, or null to unlink.
 */
async function settle(
  tx: Tx,
  store: Store,
  thread: ThreadRecord,
  policy: FollowUpPolicy,
  options: { focusKey?: string; added?: readonly ThreadMessage[]; choice?: string | null },
  w: Written,
): Promise<ThreadRecord> {
  const before = thread.dealId;
  let next: ThreadRecord = { ...thread };
  next.contactId = await contactOf(tx, next, options.focusKey);
  const deals: StoredDeal[] = next.contactId
    ? await tx.objectStore('deals').index('byContact').getAll(next.contactId)
    : [];
  if (options.choice === null) {
    next = { ...next, dealId: undefined, unlinked: true, askDealIds: undefined };
  } else if (options.choice !== undefined) {
    if (!deals.some((d) => d.id === options.choice))
      throw new StoreError('not-found', 'This deal is not one of the thread’s contact.');
    next = { ...next, dealId: options.choice, unlinked: undefined, askDealIds: undefined };
  } else if (next.contactId) {
    const decision = decideLink(next, deals);
    if (decision.kind === 'link') next = { ...next, dealId: decision.dealId, askDealIds: undefined };
    if (decision.kind === 'ask') next = { ...next, dealId: undefined, askDealIds: decision.dealIds };
    if (decision.kind === 'offer-start') next = { ...next, dealId: undefined, askDealIds: undefined };
  } else {
    next = { ...next, dealId: undefined, askDealIds: undefined };
  }
  const deal = deals.find((d) => d.id === next.dealId);
  if (!deal) next.dealId = undefined;
  if (before && before !== next.dealId) await dropActivities(tx, next.id, w);
  if (deal)
    await logMessages(tx, store, next, deal, before === deal.id ? (options.added ?? []) : next.messages, w);
  const { pendingAt: _p, ...rest } = withFollowUp(next, deal, policy);
  return rest.contactId ? rest : { ...rest, pendingAt: thread.pendingAt ?? store.now() };
}

async function dropOldPending(tx: Tx, w: Written) {
  const threads = tx.objectStore('threads');
  const over = (await threads.index('byPending').count()) - MAX_PENDING_THREADS;
  if (over <= 0) return;
  let cursor = await threads.index('byPending').openCursor();
  for (let i = 0; cursor && i < over; i++) {
    await cursor.delete();
    w.removedThreads.add(cursor.primaryKey);
    cursor = await cursor.continue();
  }
}

const TX_STORES = ['threads', 'activities', 'deals', 'contacts'] as const;

/** One write transaction over threads and what they touch; change events after it commits. */
async function inThreadTx<T>(store: Store, body: (tx: Tx, w: Written) => Promise<T>): Promise<T> {
  const w = written();
  try {
    const tx = dbOf(store).transaction([...TX_STORES], 'readwrite', STRICT);
    const result = await body(tx, w);
    await tx.done;
    emitWritten(store, w);
    return result;
  } catch (error) {
    throw asStoreError(error);
  }
}

/** Stores a settled thread as a new version. */
async function putThread(tx: Tx, store: Store, next: ThreadRecord, version: number, w: Written) {
  const result = { ...next, updatedAt: store.now(), version };
  await tx.objectStore('threads').put(result);
  w.threads.add(result.id);
  return result;
}

/**
 * Records a read of a webmail thread: new messages are added (a re-read adds nothing), the
 * thread is linked to its contact's deal by the rules of `decideLink`, linked messages become
 * activities, and the follow-up is recomputed. A thread with no saved contact is kept, bounded.
 * People the rep asked never to be suggested again are left out of it; undefined (nothing
 * stored) when nobody else is in it.
 */
export async function recordThreadRead(
  store: Store,
  whole: ThreadRead & { mailbox: ThreadRecord['mailbox'] },
  policy: FollowUpPolicy,
): Promise<ThreadRecord | undefined> {
  const read = await unsuppressedThread(store, whole);
  if (!read) return undefined;
  return inThreadTx(store, async (tx, w) => {
    const id = threadKey(read.provider, read.threadId);
    const current = await tx.objectStore('threads').get(id);
    const now = store.now();
    const merged = mergeMessages(current?.messages ?? [], read.messages, MAX_THREAD_MESSAGES);
    const participants = new Map((current?.participants ?? []).map((p) => [p.email.toLowerCase(), p]));
    for (const p of read.participants)
      if (!participants.has(p.email.toLowerCase())) participants.set(p.email.toLowerCase(), p);
    const base: ThreadRecord = {
      ...(current ?? { id, createdAt: now, version: 0, followUp: { state: 'none' } }),
      provider: read.provider,
      threadId: read.threadId,
      owner: read.owner ?? current?.owner,
      mailbox: read.mailbox,
      subject: read.subject || current?.subject || '',
      participants: [...participants.values()].slice(0, 30),
      prospectKeys: [...new Set([...(current?.prospectKeys ?? []), ...read.prospectKeys])].slice(0, 30),
      messages: merged.messages,
      updatedAt: now,
    } as ThreadRecord;
    const next = await settle(tx, store, base, policy, { focusKey: read.focusKey, added: merged.added }, w);
    const unchanged =
      current &&
      JSON.stringify({ ...current, updatedAt: 0, version: 0 }) ===
        JSON.stringify({ ...next, updatedAt: 0, version: 0 });
    if (unchanged) return current;
    const result = await putThread(tx, store, next, (current?.version ?? 0) + 1, w);
    await dropOldPending(tx, w);
    return result;
  });
}

/** The rep links a thread to one of its contact's deals, or unlinks it (`null`): its messages follow. */
export async function linkThread(
  store: Store,
  id: string,
  dealId: string | null,
  policy: FollowUpPolicy,
): Promise<ThreadRecord> {
  return inThreadTx(store, async (tx, w) => {
    const current = await tx.objectStore('threads').get(id);
    if (!current) throw new StoreError('not-found', 'This thread is no longer stored.');
    const next = await settle(tx, store, current, policy, { choice: dealId }, w);
    return putThread(tx, store, next, current.version + 1, w);
  });
}

/** A threads store in an open transaction, as far as the person lookups read it. */
export interface ThreadIndexes {
  index(name: 'byContact' | 'byProspect'): { getAll(key: string): Promise<ThreadRecord[]> };
}

/**
 * The threads linked to a contact, then those naming one of its addresses as the prospect, each
 * once: the one lookup relinking and the person's records (forget, "what is stored") both start
 * from. Callers choose which of them they act on.
 */
export async function threadsNamingContact(
  threads: ThreadIndexes,
  contact: Pick<Contact, 'id' | 'emailKeys'>,
): Promise<ThreadRecord[]> {
  const found = new Map<string, ThreadRecord>();
  for (const t of await threads.index('byContact').getAll(contact.id)) found.set(t.id, t);
  for (const key of contact.emailKeys)
    for (const t of await threads.index('byProspect').getAll(key)) found.set(t.id, t);
  return [...found.values()];
}

/**
 * Threads read before this contact was saved (or whose deal changed): linked now by the same
 * rules. Called after a contact is saved or a deal is started.
 */
export async function relinkThreadsOfContact(
  store: Store,
  contactId: string,
  policy: FollowUpPolicy,
): Promise<ThreadRecord[]> {
  return inThreadTx(store, async (tx, w) => {
    const contact = await tx.objectStore('contacts').get(contactId);
    if (!contact) throw new StoreError('not-found', 'This contact no longer exists.');
    const found = await threadsNamingContact(tx.objectStore('threads'), contact);
    const out: ThreadRecord[] = [];
    for (const t of found.filter((t) => t.contactId === contactId || !t.contactId)) {
      const next = await settle(tx, store, t, policy, {}, w);
      if (JSON.stringify(next) === JSON.stringify(t)) continue;
      out.push(await putThread(tx, store, next, t.version + 1, w));
    }
    return out;
  });
}

export async function threadsOfDeal(store: Store, dealId: string): Promise<ThreadRecord[]> {
  const list = await dbOf(store).getAllFromIndex('threads', 'byDeal', dealId);
  return list.sort((a, b) => (b.lastAt ?? 0) - (a.lastAt ?? 0));
}

export async function threadsOfContact(store: Store, contactId: string): Promise<ThreadRecord[]> {
  const list = await dbOf(store).getAllFromIndex('threads', 'byContact', contactId);
  return list.sort((a, b) => (b.lastAt ?? 0) - (a.lastAt ?? 0));
}

export async function getThread(store: Store, id: string): Promise<ThreadRecord | undefined> {
  return dbOf(store).get('threads', id);
}

/** Linked threads whose follow-up is due by `until`, soonest first. */
export async function dueFollowUps(store: Store, until: number, limit = 200): Promise<ThreadRecord[]> {
  const out: ThreadRecord[] = [];
  const range = IDBKeyRange.upperBound(until);
  let cursor = await dbOf(store).transaction('threads').store.index('byFollowUp').openCursor(range);
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

async function deleteThreads(store: Store, index: 'byDeal' | 'byContact', id: string): Promise<number> {
  return inThreadTx(store, async (tx, w) => {
    const threads = tx.objectStore('threads');
    const keys = await threads.index(index).getAllKeys(id);
    for (const key of keys) {
      await dropActivities(tx, key, w);
      await threads.delete(key);
      w.removedThreads.add(key);
    }
    return keys.length;
  });
}

/**
 * Deleting a deal: its threads and their message activities go with it. (#21 and the deal
 * deletion path call this in the same change as the deal's own removal.)
 */
export function deleteThreadsOfDeal(store: Store, dealId: string): Promise<number> {
  return deleteThreads(store, 'byDeal', dealId);
}

/** Each deal's follow-up: the one of its linked threads due first (read in one transaction). */
export async function followUpsOfDeals(store: Store, dealIds: string[]): Promise<Map<string, FollowUp>> {
  const index = dbOf(store).transaction('threads').store.index('byDeal');
  const out = new Map<string, FollowUp>();
  await Promise.all(
    [...new Set(dealIds)].map(async (id) => {
      // Only an open deal owes follow-ups (the due date is set only then).
      const owed = (await index.getAll(id)).filter((t) => t.followUpDueAt !== undefined);
      const followUp = dealFollowUp(owed.map((t) => t.followUp));
      if (followUp.state !== 'none') out.set(id, followUp);
    }),
  );
  return out;
}
