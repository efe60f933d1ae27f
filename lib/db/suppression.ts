import { MAX_SUPPRESSED, suppressionHash } from '../contacts/suppression';
import { withoutSuppressedPeople, type ThreadPeople } from '../threads/forget';
import type { ContactInput } from '../contacts/contact';
import type { Replica } from '../sync/docs';
import { upsertContact, type UpsertResult } from './contacts';
import { StoreError } from './errors';
import type { Store } from './open';
import { readSetting, updateSetting } from './settings-registry';

const KEY = 'privacy.suppressed';

/**
 * The suppression list of each open store, read once and kept until a change event says the
 * setting (or every setting: a restore, a wipe) changed: page reports, mail reads and team data
 * check it on every write, so it must not cost a settings read each time.
 */
const cached = new WeakMap<Store, Promise<ReadonlySet<string>>>();
const watched = new WeakSet<Store>();

/** The suppressed address hashes ("never suggest again"). */
export function suppressedHashes(store: Store): Promise<ReadonlySet<string>> {
  if (!watched.has(store)) {
    watched.add(store);
    store.onChange((event) => {
      if (event.store === 'settings' && (event.kind !== 'put' || event.ids.includes(KEY)))
        cached.delete(store);
    });
  }
  let hashes = cached.get(store);
  if (!hashes) {
    hashes = readSetting(store, KEY).then((list) => new Set(list));
    cached.set(store, hashes);
    // A failed read is not kept: the next write asks again.
    hashes.catch(() => cached.get(store) === hashes && cached.delete(store));
  }
  return hashes;
}

/**
 * Whether an address is suppressed, or undefined while nothing is: callers then skip hashing
 * altogether (SHA-256 per address is only paid once the rep has suppressed someone).
 */
export async function suppressionCheck(
  store: Store,
): Promise<((email: string) => Promise<boolean>) | undefined> {
  const suppressed = await suppressedHashes(store);
  if (!suppressed.size) return undefined;
  return async (email) => {
    const hash = await suppressionHash(email);
    return !!hash && suppressed.has(hash);
  };
}

/**
 * A thread (a mail read, a teammate's thread) without the suppressed people in it; undefined when
 * nobody else is left, so nothing about them is stored again. Computed before any write
 * transaction opens (hashing inside one would let it commit early).
 */
export async function unsuppressedThread<R extends ThreadPeople & { focusKey?: string }>(
  store: Store,
  thread: R,
): Promise<R | undefined> {
  const isSuppressed = await suppressionCheck(store);
  return isSuppressed ? withoutSuppressedPeople(thread, isSuppressed) : thread;
}

/**
 * The addresses of team contacts by id, as the sync copy holds them: how a teammate's deal or
 * activity is traced to its person when that contact is not in the same batch.
 */
export type TeamContacts = (ids: string[]) => Promise<Map<string, readonly string[]>>;

/**
 * Team data without the people the rep asked never to be suggested again: a teammate's contact
 * with a suppressed address is not stored here, nor are the deals and activities of such a
 * contact (in the same batch, or found through `teamContacts`); a teammate's thread loses them
 * (and is not stored when nobody else is left in it). Everything else passes unchanged;
 * `dropped` are the ids left out.
 */
export async function unsuppressedReplicas<R extends Replica>(
  store: Store,
  replicas: R[],
  teamContacts?: TeamContacts,
): Promise<{ kept: R[]; dropped: string[] }> {
  const isSuppressed = await suppressionCheck(store);
  if (!isSuppressed) return { kept: replicas, dropped: [] };
  const anyOf = async (emails: readonly string[]) =>
    (await Promise.all(emails.map(isSuppressed))).some(Boolean);
  // Whether each contact named here is a suppressed person: this batch's contacts first.
  const suppressedContact = new Map<string, boolean>();
  for (const replica of replicas)
    if (replica.kind === 'contact') suppressedContact.set(replica.id, await anyOf(replica.record.emails));
  const ofContact = (r: R) => (r.kind === 'deal' || r.kind === 'activity' ? r.record.contactId : undefined);
  const unknown = [
    ...new Set(replicas.map(ofContact).filter((id): id is string => !!id && !suppressedContact.has(id))),
  ];
  if (unknown.length && teamContacts)
    for (const [id, emails] of await teamContacts(unknown)) suppressedContact.set(id, await anyOf(emails));

  const kept: R[] = [];
  const dropped: string[] = [];
  for (const replica of replicas) {
    const contactId = replica.kind === 'contact' ? replica.id : ofContact(replica);
    if (contactId && suppressedContact.get(contactId)) dropped.push(replica.id);
    else if (replica.kind === 'thread') {
      const record = await withoutSuppressedPeople(replica.record, isSuppressed);
      if (record) kept.push({ ...replica, record });
      else dropped.push(replica.id);
    } else kept.push(replica);
  }
  return { kept, dropped };
}

/** Whether any of these addresses is suppressed. */
export async function anySuppressed(store: Store, emails: readonly string[]): Promise<boolean> {
  const isSuppressed = await suppressionCheck(store);
  if (!isSuppressed) return false;
  return (await Promise.all(emails.map(isSuppressed))).some(Boolean);
}

/** Every address a contact input names: its e-mails and the address proposed for it. */
const inputAddresses = (input: ContactInput) => [
  ...(input.emails ?? []),
  ...(input.proposedEmail ? [input.proposedEmail.address] : []),
];

/**
 * Import rows without the people the rep asked never to be suggested again (any of a row's
 * addresses suppressed drops the row); `suppressed` counts the rows left out.
 */
export async function unsuppressedInputs<I extends ContactInput>(
  store: Store,
  inputs: readonly I[],
): Promise<{ kept: I[]; suppressed: number }> {
  const isSuppressed = await suppressionCheck(store);
  if (!isSuppressed) return { kept: [...inputs], suppressed: 0 };
  const kept: I[] = [];
  for (const input of inputs) {
    const hit = await Promise.all(inputAddresses(input).map(isSuppressed));
    if (!hit.some(Boolean)) kept.push(input);
  }
  return { kept, suppressed: inputs.length - kept.length };
}

/** Refuses to save a person the rep asked never to be suggested again. */
export async function refuseSuppressed(store: Store, emails: readonly string[]): Promise<void> {
  if (await anySuppressed(store, emails))
    throw new StoreError(
      'suppressed',
      'You asked never to be suggested this person again, so they were not saved. Nothing was changed. To allow them again: Settings → Never-suggest list.',
    );
}

/**
 * Saves a suggested person (a detection the rep adds, a selection): refused with a clear error
 * when one of their addresses, or the address proposed for them, is suppressed.
 */
export async function saveSuggestedContact(store: Store, input: ContactInput): Promise<UpsertResult> {
  await refuseSuppressed(store, inputAddresses(input));
  return upsertContact(store, input);
}

/** Adds hashes to the suppression list (the oldest fall off past MAX_SUPPRESSED). */
export async function suppress(store: Store, hashes: string[]): Promise<void> {
  if (!hashes.length) return;
  // One transaction: a forget and an undo at the same moment cannot drop each other's change.
  await updateSetting(store, KEY, (current) =>
    [...current.filter((h) => !hashes.includes(h)), ...hashes].slice(-MAX_SUPPRESSED),
  );
}

/** Takes hashes off the suppression list; resolves to how many were on it (nothing is written for none). */
export async function unsuppress(store: Store, hashes: readonly string[]): Promise<number> {
  if (!hashes.length) return 0;
  let removed = 0;
  await updateSetting(store, KEY, (current) => {
    const kept = current.filter((h) => !hashes.includes(h));
    removed = current.length - kept.length;
    return removed ? kept : current;
  });
  // The write's change event drops the cached set too; dropped here as well, so the next
  // mail read, save or import sees the lifted address whatever listens.
  if (removed) cached.delete(store);
  return removed;
}

/** How many addresses are on the suppression list (hashes: they cannot be listed). */
export async function suppressedCount(store: Store): Promise<number> {
  return (await suppressedHashes(store)).size;
}

/**
 * Lifts "never suggest again" for one address the rep types (normalised and hashed as the list
 * was made): true when it was on the list, false when not. An invalid address is refused.
 */
export async function allowAgain(store: Store, email: string): Promise<boolean> {
  const hash = await suppressionHash(email);
  if (!hash) throw new StoreError('invalid', 'Not a valid e-mail address.');
  return (await unsuppress(store, [hash])) > 0;
}
