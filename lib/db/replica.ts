import { searchTermsOf, type Contact } from '../contacts/contact';
import type { Replica, SyncKind } from '../sync/docs';
import { stored } from './deals';
import { asStoreError } from './errors';
import { STRICT, type Store } from './open';
import { readSetting, updateSetting, writeSetting } from './settings-registry';
import { dbOf } from './internal';
import { unsuppressedReplicas, type TeamContacts } from './suppression';

/**
 * The repository side of team sync: records in and out whole, as replicas. Writes that come
 * from the team are marked `source: 'sync'` so the bridge does not send them back.
 */
const STORE_OF: Record<Exclude<SyncKind, 'profile'>, 'contacts' | 'deals' | 'activities' | 'threads'> = {
  contact: 'contacts',
  deal: 'deals',
  activity: 'activities',
  thread: 'threads',
};
const TX_STORES = ['contacts', 'deals', 'activities', 'threads'] as const;

/** A thread travels once it is linked to a saved contact; before that it is the reading machine's. */
export const travels = (replica: Replica) => replica.kind !== 'thread' || !!replica.record.contactId;
type RecordKind = keyof typeof STORE_OF;

export async function readReplica(store: Store, kind: SyncKind, id: string): Promise<Replica | undefined> {
  if (kind === 'profile') {
    const profile = (await readSetting(store, 'fit.profiles')).find((p) => p.id === id);
    return profile && { kind, id, record: profile };
  }
  const record = await dbOf(store).get(STORE_OF[kind], id);
  return record && ({ kind, id, record } as Replica);
}

/** Every local record of a kind, for the reconcile pass after a worker stop. */
export async function readReplicas(store: Store, kind: SyncKind): Promise<Replica[]> {
  if (kind === 'profile')
    return (await readSetting(store, 'fit.profiles')).map((record) => ({ kind, id: record.id, record }));
  const records = await dbOf(store).getAll(STORE_OF[kind]);
  return records.map((record) => ({ kind, id: record.id, record }) as Replica).filter(travels);
}

/**
 * Writes records that came from the team, in one transaction. An email address is one
 * contact's matching key: when two contacts created apart both hold one, the lower id keeps
 * it and the other keeps the address for display only (every machine decides the same way).
 * Returns the ids of local contacts that lost a key: they changed here and must go out; and the
 * ids not written (`skipped`): changed here since read, a person the rep suppressed, or a deal or
 * activity whose contact is not here (`orphans` too: forgotten here, or not arrived yet; written,
 * it would point to no record, so the caller keeps it aside until its contact comes).
 */
export async function writeReplicas(
  store: Store,
  replicas: Replica[],
  /**
   * Record id → the `version:updatedAt` the caller read (empty: absent). A record changed here
   * since then is left alone: the local change goes out and CouchDB decides, nothing is overwritten.
   */
  readAs?: Map<string, string>,
  /** The team's contacts, to tell whose deals and activities arrive (see unsuppressedReplicas). */
  teamContacts?: TeamContacts,
): Promise<{ changedHere: string[]; skipped: string[]; orphans: string[] }> {
  // Suppressed people are left out before the transaction opens (hashing inside it would end it).
  const { kept: records, dropped } = await unsuppressedReplicas(
    store,
    replicas.filter((r): r is Extract<Replica, { kind: RecordKind }> => r.kind !== 'profile'),
    teamContacts,
  );
  const profiles = replicas.filter((r) => r.kind === 'profile');
  const changedHere = new Set<string>();
  const skipped: string[] = [...dropped];
  const orphans: string[] = [];
  const written: Record<RecordKind, string[]> = { contact: [], deal: [], activity: [], thread: [] };
  const removedHere: string[] = [];
  if (records.length) {
    try {
      const tx = dbOf(store).transaction([...TX_STORES], 'readwrite', STRICT);
      // Contacts first: a deal or activity finds its contact written in the same batch.
      const ordered = [
        ...records.filter((r) => r.kind === 'contact'),
        ...records.filter((r) => r.kind !== 'contact'),
      ];
      for (const replica of ordered) {
        const expected = readAs?.get(`${replica.kind}:${replica.id}`);
        if (expected !== undefined) {
          const now = await tx.objectStore(STORE_OF[replica.kind]).get(replica.id);
          if (stamp(now) !== expected) {
            skipped.push(replica.id);
            continue;
          }
        }
        if (
          (replica.kind === 'deal' || replica.kind === 'activity') &&
          !(await tx.objectStore('contacts').getKey(replica.record.contactId))
        ) {
          orphans.push(replica.id);
          skipped.push(replica.id);
          continue;
        }
        if (replica.kind === 'contact') {
          const contact = await claimKeys(tx.objectStore('contacts'), replica.record, changedHere);
          await tx.objectStore('contacts').put(contact);
        } else if (replica.kind === 'deal') {
          await tx.objectStore('deals').put(stored(replica.record));
        } else if (replica.kind === 'thread') {
          await tx.objectStore('threads').put(replica.record);
        } else {
          const holder = await messageHolder(tx.objectStore('activities'), replica.record);
          if (holder && holder < replica.id) {
            // The same e-mail logged on two machines (one mailbox read on both): the lower id
            // keeps it, on every machine; the other machine drops its copy the same way.
            skipped.push(replica.id);
            continue;
          }
          if (holder) {
            await tx.objectStore('activities').delete(holder);
            removedHere.push(holder);
          }
          await tx.objectStore('activities').put(replica.record);
        }
        written[replica.kind].push(replica.id);
      }
      await tx.done;
    } catch (error) {
      throw asStoreError(error);
    }
  }
  if (profiles.length) {
    await updateSetting(
      store,
      'fit.profiles',
      (current) => {
        const byId = new Map(current.map((p) => [p.id, p]));
        for (const { record } of profiles) byId.set(record.id, record);
        return [...byId.values()];
      },
      'sync',
    );
  }
  for (const kind of Object.keys(written) as RecordKind[]) {
    const ids = written[kind].filter((id) => !(kind === 'contact' && changedHere.has(id)));
    if (ids.length) store.emit({ store: STORE_OF[kind], ids, kind: 'put', source: 'sync' });
  }
  if (changedHere.size) store.emit({ store: 'contacts', ids: [...changedHere], kind: 'put' });
  // A dropped duplicate is this machine's deletion: it goes out to the team.
  if (removedHere.length) store.emit({ store: 'activities', ids: removedHere, kind: 'delete' });
  return { changedHere: [...changedHere], skipped, orphans };
}

/** What identifies the state of a local record for `readAs`. */
export function stamp(record: { version: number; updatedAt: number } | undefined): string {
  return record ? `${record.version}:${record.updatedAt}` : '';
}

/** The id of another activity already holding this one's e-mail (its provider message id). */
async function messageHolder(
  activities: { index(name: 'byMessage'): { getKey(key: string): Promise<string | undefined> } },
  activity: { id: string; messageId?: string },
): Promise<string | undefined> {
  if (!activity.messageId) return undefined;
  const holder = await activities.index('byMessage').getKey(activity.messageId);
  return holder && holder !== activity.id ? holder : undefined;
}

type ContactsStore = {
  get(id: string): Promise<Contact | undefined>;
  put(contact: Contact): Promise<unknown>;
  index(name: 'byEmail'): { get(key: string): Promise<Contact | undefined> };
};

/**
 * When `loser` lost a key to `keeper`, as every machine dates it: each machine that meets the
 * two makes the same next version of the loser (the clock would differ machine to machine,
 * and two such versions would be a conflict nobody can resolve).
 */
function keyLostAt(loser: Contact, keeper: Contact): number {
  return Math.max(loser.updatedAt, keeper.updatedAt);
}

async function claimKeys(
  contacts: ContactsStore,
  incoming: Contact,
  changedHere: Set<string>,
): Promise<Contact> {
  const keys: string[] = [];
  let lostAt: number | undefined;
  for (const key of incoming.emailKeys) {
    const holder = await contacts.index('byEmail').get(key);
    if (!holder || holder.id === incoming.id) keys.push(key);
    else if (holder.id > incoming.id) {
      const rest = holder.emailKeys.filter((k) => k !== key);
      await contacts.put({
        ...holder,
        emailKeys: rest,
        searchTerms: searchTermsOf({ ...holder, emailKeys: rest }),
        updatedAt: keyLostAt(holder, incoming),
        version: holder.version + 1,
      });
      changedHere.add(holder.id);
      keys.push(key);
    } else {
      // The incoming contact loses the key: a change made here, sent out as the next version.
      changedHere.add(incoming.id);
      lostAt = Math.max(lostAt ?? 0, keyLostAt(incoming, holder));
    }
  }
  const contact = {
    ...incoming,
    emailKeys: keys,
    ...(lostAt === undefined ? {} : { updatedAt: lostAt, version: incoming.version + 1 }),
  };
  return { ...contact, searchTerms: searchTermsOf(contact) };
}

/** Applies deletions that came from the team ("forget this person" on another machine). */
export async function removeReplicas(store: Store, refs: { kind: SyncKind; id: string }[]): Promise<void> {
  const records = refs.filter((r): r is { kind: RecordKind; id: string } => r.kind !== 'profile');
  const profileIds = new Set(refs.filter((r) => r.kind === 'profile').map((r) => r.id));
  if (records.length) {
    try {
      const tx = dbOf(store).transaction([...TX_STORES], 'readwrite', STRICT);
      await Promise.all(records.map((r) => tx.objectStore(STORE_OF[r.kind]).delete(r.id)));
      await tx.done;
    } catch (error) {
      throw asStoreError(error);
    }
    for (const kind of Object.keys(STORE_OF) as RecordKind[]) {
      const ids = records.filter((r) => r.kind === kind).map((r) => r.id);
      if (ids.length) store.emit({ store: STORE_OF[kind], ids, kind: 'delete', source: 'sync' });
    }
  }
  if (profileIds.size) {
    const current = await readSetting(store, 'fit.profiles');
    const rest = current.filter((p) => !profileIds.has(p.id));
    // The last profile stays: scoring needs one (the next sync sends it back).
    if (rest.length && rest.length < current.length) await writeSetting(store, 'fit.profiles', rest, 'sync');
  }
}
