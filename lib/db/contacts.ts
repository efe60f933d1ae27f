import { normaliseEmail } from '../contacts/email';
import { openProposal } from '../contacts/address-pattern/settle';
import { derivedDealTitle, searchTermsOf, type Contact, type ContactInput } from '../contacts/contact';
import type { ContactEdit } from '../contacts/edit';
import { EditError, type EditableField } from '../contacts/edit-fields';
import { cleanText, MAX_SOURCES, mergeDetection } from '../contacts/provenance';
import { withinLimits } from '../contacts/limits';
import { asStoreError, conflict, StoreError } from './errors';
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { STRICT, type Store } from './open';
import type { PipelineDB } from './schema';
import { abandon, committed, dbOf } from './internal';

/** Every contact is written within the one set of limits (lib/contacts/limits), whatever path it came by. */
function limited(contact: Contact): Contact {
  const next = withinLimits(contact);
  next.searchTerms = searchTermsOf(next);
  return next;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function emailsOf(raw: string[] | undefined) {
  const byKey = new Map<string, string>();
  for (const email of raw ?? []) {
    const n = normaliseEmail(email);
    if (n && !byKey.has(n.key)) byKey.set(n.key, n.display);
  }
  return byKey;
}

export interface UpsertResult {
  contact: Contact;
  created: boolean;
}

export type ContactsTx = IDBPTransaction<PipelineDB, ['contacts'], 'readwrite'>;

/** The contacts store inside any read-write transaction of a repository. */
export type ContactsStore = IDBPObjectStore<
  PipelineDB,
  ArrayLike<StoreNames<PipelineDB>>,
  'contacts',
  'readwrite'
>;

/** A detection merged into a stored contact (the rep's edits win), its guessed address kept open or settled. */
function mergeInto(existing: Contact, input: ContactInput, extra: Map<string, string>, now: number): Contact {
  const merged = mergeDetection(existing, input, extra, now);
  const proposal = openProposal(existing.proposedEmail ?? input.proposedEmail, merged.emailKeys);
  if (proposal) merged.proposedEmail = proposal;
  else delete merged.proposedEmail;
  return merged;
}

function created(input: ContactInput, name: string, emails: Map<string, string>, id: string, now: number) {
  const contact: Contact = {
    id,
    name,
    emails: [...emails.values()],
    emailKeys: [...emails.keys()],
    phones: unique(input.phones ?? []),
    title: cleanText(input.title),
    company: cleanText(input.company),
    companyDomain: cleanText(input.companyDomain),
    profiles: unique(input.profiles ?? []),
    tags: unique(input.tags ?? []),
    role: input.role ?? false,
    fit: input.fit,
    sources: (input.sources ?? []).slice(-MAX_SOURCES),
    notes: cleanText(input.notes, 20_000) ?? '',
    referredBy: input.referredBy,
    edited: {},
    suggestions: [],
    searchTerms: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const proposal = openProposal(input.proposedEmail, contact.emailKeys);
  if (proposal) {
    contact.proposedEmail = proposal;
    contact.companyDomain ??= proposal.domain;
  }
  contact.searchTerms = searchTermsOf(contact);
  return contact;
}

/**
 * Upserts a batch inside a repository's own transaction (only lib/db can open one). Every
 * address is looked up at once (one round of index reads, not one per row); the rows then apply
 * in order in memory (a later row merges into what an earlier one created or changed); the
 * writes go out together. `before` is a merged contact as it was stored before the batch.
 */
export async function upsertManyInStore(
  contacts: ContactsStore,
  inputs: ContactInput[],
  now: number,
  newId: () => string,
): Promise<(UpsertResult & { before?: Contact })[]> {
  const rows = inputs.map((input) => {
    const emails = emailsOf(input.emails);
    const name = cleanText(input.name, 500) ?? '';
    if (!name && emails.size === 0) {
      throw new StoreError('invalid', 'A contact needs a name or a valid email address.');
    }
    return { input, emails, name };
  });
  const keys = [...new Set(rows.flatMap((r) => [...r.emails.keys()]))];
  const byEmail = contacts.index('byEmail');
  const byGuess = contacts.index('byGuess');
  const [found, guessedBy] = await Promise.all([
    Promise.all(keys.map((key) => byEmail.get(key))),
    // An address that was a contact's guess joins that contact instead of starting a second one.
    Promise.all(keys.map((key) => byGuess.get(key))),
  ]);
  /** The contact that owns an address now, and each touched contact's latest version. */
  const owner = new Map<string, string>();
  const latest = new Map<string, Contact>();
  const stored = new Map<string, Contact>();
  keys.forEach((key, i) => {
    const contact = found[i];
    if (!contact) return;
    owner.set(key, contact.id);
    if (!stored.has(contact.id)) stored.set(contact.id, contact);
  });
  const guessed = new Map<string, string>();
  keys.forEach((key, i) => {
    const contact = guessedBy[i];
    if (!contact || found[i]) return;
    guessed.set(key, contact.id);
    if (!stored.has(contact.id)) stored.set(contact.id, contact);
  });
  const isNew = new Set<string>();
  const results: (UpsertResult & { before?: Contact })[] = [];
  for (const { input, emails, name } of rows) {
    const ownedBy = [...emails.keys()].map((key) => owner.get(key));
    const id = ownedBy.find(Boolean) ?? [...emails.keys()].map((key) => guessed.get(key)).find(Boolean);
    let contact: Contact;
    if (id) {
      const existing = latest.get(id) ?? stored.get(id)!;
      const extra = new Map([...emails].filter(([key]) => !owner.has(key)));
      contact = limited(mergeInto(existing, input, extra, now));
      results.push({ contact, created: false, before: isNew.has(id) ? undefined : stored.get(id) });
    } else {
      contact = limited(created(input, name, emails, newId(), now));
      isNew.add(contact.id);
      results.push({ contact, created: true });
    }
    latest.set(contact.id, contact);
    for (const key of contact.emailKeys) owner.set(key, contact.id);
  }
  // A write that throws at once (a full disk, say) leaves the ones already sent to fail with the
  // transaction's abort: they are awaited together, never left to reject unhandled.
  const writes: Promise<unknown>[] = [];
  try {
    for (const c of latest.values()) writes.push(isNew.has(c.id) ? contacts.add(c) : contacts.put(c));
  } catch (error) {
    for (const write of writes) write.catch(() => undefined);
    throw error;
  }
  await Promise.all(writes);
  return results;
}

/**
 * Adds a contact, or returns the one that already has one of its emails (merging in what it
 * lacks). Emails are matched normalised, so case and IDN spelling never create a duplicate.
 */
export async function upsertContact(store: Store, input: ContactInput): Promise<UpsertResult> {
  const [result] = await upsertContacts(store, [input]);
  return result!;
}

/**
 * Upserts many contacts in one transaction: all of them are written, or (on any failure)
 * none. A rerun after an interruption gives the same result, since known emails merge.
 */
export async function upsertContacts(store: Store, inputs: ContactInput[]): Promise<UpsertResult[]> {
  const now = store.now();
  let results: UpsertResult[];
  try {
    const tx = dbOf(store).transaction('contacts', 'readwrite', STRICT);
    results = await committed(tx, async () =>
      (await upsertManyInStore(tx.store, inputs, now, store.newId)).map(({ contact, created }) => ({
        contact,
        created,
      })),
    );
  } catch (error) {
    throw asStoreError(error);
  }
  if (results.length) store.emit({ store: 'contacts', ids: results.map((r) => r.contact.id), kind: 'put' });
  return results;
}

export type ContactPatch = ContactEdit;

/**
 * The rep's edit of a contact, if nobody changed it since `expectedVersion` (a stale write is a
 * conflict). Validated by `applyEdit` (the record's own limits); the edited fields are marked as
 * the rep's. Deals whose title is still derived from the contact (see `derivedDealTitle`) follow
 * the new company or name in the same transaction.
 */
export async function updateContact(
  store: Store,
  id: string,
  expectedVersion: number,
  patch: ContactPatch,
  keep: readonly EditableField[] = [],
): Promise<Contact> {
  const renamed: string[] = [];
  let next: Contact;
  // The edit's schema is built with the first edit, not at every wake that opens the store.
  const { applyEdit } = await import('../contacts/edit');
  try {
    const tx = dbOf(store).transaction(['contacts', 'deals'], 'readwrite', STRICT);
    try {
      const contacts = tx.objectStore('contacts');
      const current = await contacts.get(id);
      if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
      if (current.version !== expectedVersion) throw conflict('contact', id);
      const now = store.now();
      try {
        next = applyEdit(current, patch, now, { keep }).next;
      } catch (error) {
        if (error instanceof EditError) throw new StoreError('invalid', error.message, { cause: error });
        throw error;
      }
      next = limited({ ...next, updatedAt: now, version: current.version + 1 });
      for (const key of next.emailKeys) {
        const owner = await contacts.index('byEmail').get(key);
        if (owner && owner.id !== id)
          throw new StoreError(
            'invalid',
            `${key} belongs to another contact (${owner.name || owner.emails[0]}). Merge the two instead.`,
          );
      }
      await contacts.put(next);
      const before = derivedDealTitle(current);
      const after = derivedDealTitle(next);
      if (before !== after) {
        const deals = tx.objectStore('deals');
        for (const deal of await deals.index('byContact').getAll(id)) {
          if (deal.title !== before) continue;
          await deals.put({ ...deal, title: after.slice(0, 500), updatedAt: now, version: deal.version + 1 });
          renamed.push(deal.id);
        }
      }
    } catch (error) {
      abandon(tx);
      throw error;
    }
    await tx.done;
  } catch (error) {
    throw asStoreError(error);
  }
  store.emit({ store: 'contacts', ids: [id], kind: 'put' });
  if (renamed.length) store.emit({ store: 'deals', ids: renamed, kind: 'put' });
  return next;
}

/**
 * Rewrites a contact in one strict transaction if nobody changed it since `expectedVersion`
 * (a stale write is a conflict): `change` gives the new record (it may read the store through
 * the transaction); stamps, version and search terms follow.
 */
export async function rewriteContact(
  store: Store,
  id: string,
  expectedVersion: number,
  change: (current: Contact, tx: ContactsTx) => Promise<Contact>,
): Promise<Contact> {
  try {
    const tx = dbOf(store).transaction('contacts', 'readwrite', STRICT);
    const current = await tx.store.get(id);
    if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
    if (current.version !== expectedVersion) throw conflict('contact', id);
    const next = limited({
      ...(await change(current, tx)),
      updatedAt: store.now(),
      version: current.version + 1,
    });
    await tx.store.put(next);
    await tx.done;
    store.emit({ store: 'contacts', ids: [id], kind: 'put' });
    return next;
  } catch (error) {
    throw asStoreError(error);
  }
}

export async function getContact(store: Store, id: string): Promise<Contact | undefined> {
  return dbOf(store).get('contacts', id);
}

export async function contactByEmail(store: Store, email: string): Promise<Contact | undefined> {
  const key = normaliseEmail(email)?.key;
  return key ? dbOf(store).getFromIndex('contacts', 'byEmail', key) : undefined;
}

/** The contacts known for a list of addresses, keyed by normalised email. */
export async function contactsByEmails(store: Store, emails: string[]): Promise<Map<string, Contact>> {
  const tx = dbOf(store).transaction('contacts');
  const index = tx.store.index('byEmail');
  const found = new Map<string, Contact>();
  await Promise.all(
    emails.map(async (email) => {
      const key = normaliseEmail(email)?.key;
      if (!key) return;
      const contact = await index.get(key);
      if (contact) found.set(key, contact);
    }),
  );
  return found;
}

export async function contactsByDomain(store: Store, domain: string): Promise<Contact[]> {
  return dbOf(store).getAllFromIndex('contacts', 'byDomain', domain.toLowerCase());
}

/**
 * Contacts whose name, company or email has a word starting with `query`. Uses the term index,
 * so the cost depends on the matches, not on the number of contacts.
 */
export async function searchContacts(store: Store, query: string, limit = 20): Promise<Contact[]> {
  const prefix = query.trim().toLocaleLowerCase().split(/\s+/)[0] ?? '';
  if (!prefix) return [];
  const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const results = new Map<string, Contact>();
  let cursor = await dbOf(store).transaction('contacts').store.index('byTerm').openCursor(range);
  while (cursor && results.size < limit) {
    results.set(cursor.value.id, cursor.value);
    cursor = await cursor.continue();
  }
  const rest = query.trim().toLocaleLowerCase().split(/\s+/).slice(1);
  return [...results.values()].filter((c) =>
    rest.every((word) => c.searchTerms.some((t) => t.startsWith(word))),
  );
}

export async function countContacts(store: Store): Promise<number> {
  return dbOf(store).count('contacts');
}

/** Contacts by id, read in one transaction; ids that are not stored are left out. */
export async function contactsByIds(store: Store, ids: string[]): Promise<Map<string, Contact>> {
  const tx = dbOf(store).transaction('contacts');
  const found = new Map<string, Contact>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const contact = await tx.store.get(id);
      if (contact) found.set(id, contact);
    }),
  );
  return found;
}
