import { normaliseEmail } from '../contacts/email';
import { searchTermsOf, type Contact, type ContactInput } from '../contacts/contact';
import { CONTACT_LIMITS, withinLimits } from '../contacts/limits';
import { asStoreError, conflict, StoreError } from './errors';
import type { IDBPTransaction } from 'idb';
import { STRICT, type Store } from './open';
import type { PipelineDB } from './schema';
import { dbOf } from './internal';

const MAX_SOURCES = CONTACT_LIMITS.sources;

/** Every contact is written within the one set of limits (lib/contacts/limits), whatever path it came by. */
function limited(contact: Contact): Contact {
  const next = withinLimits(contact);
  next.searchTerms = searchTermsOf(next);
  return next;
}
const MAX_TEXT = 2_000;

function clean(text: string | undefined, max = MAX_TEXT): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim().slice(0, max);
  return value || undefined;
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

/** Fills what the existing contact lacks; never overwrites what the rep already has. */
function merge(
  existing: Contact,
  input: ContactInput,
  extraEmails: Map<string, string>,
  now: number,
): Contact {
  const merged: Contact = {
    ...existing,
    name: existing.name || clean(input.name) || '',
    title: existing.title ?? clean(input.title),
    company: existing.company ?? clean(input.company),
    companyDomain: existing.companyDomain ?? clean(input.companyDomain),
    emails: [...existing.emails, ...extraEmails.values()],
    emailKeys: [...existing.emailKeys, ...extraEmails.keys()],
    phones: unique([...existing.phones, ...(input.phones ?? [])]),
    profiles: unique([...existing.profiles, ...(input.profiles ?? [])]),
    tags: unique([...existing.tags, ...(input.tags ?? [])]),
    fit: input.fit ?? existing.fit,
    sources: [...existing.sources, ...(input.sources ?? [])].slice(-MAX_SOURCES),
    updatedAt: now,
    version: existing.version + 1,
  };
  merged.searchTerms = searchTermsOf(merged);
  return merged;
}

export interface UpsertResult {
  contact: Contact;
  created: boolean;
}

type ContactsTx = IDBPTransaction<PipelineDB, ['contacts'], 'readwrite'>;

async function upsertInTx(
  tx: ContactsTx,
  input: ContactInput,
  now: number,
  newId: () => string,
): Promise<UpsertResult> {
  const emails = emailsOf(input.emails);
  const name = clean(input.name, 500) ?? '';
  if (!name && emails.size === 0) {
    throw new StoreError('invalid', 'A contact needs a name or a valid email address.');
  }
  const byEmail = tx.store.index('byEmail');
  let existing: Contact | undefined;
  const owned = new Set<string>();
  for (const key of emails.keys()) {
    const found = await byEmail.get(key);
    if (found) {
      owned.add(key);
      existing ??= found;
    }
  }
  if (existing) {
    const extra = new Map([...emails].filter(([key]) => !owned.has(key)));
    const merged = limited(merge(existing, input, extra, now));
    await tx.store.put(merged);
    return { contact: merged, created: false };
  }
  const contact: Contact = {
    id: newId(),
    name,
    emails: [...emails.values()],
    emailKeys: [...emails.keys()],
    phones: unique(input.phones ?? []),
    title: clean(input.title),
    company: clean(input.company),
    companyDomain: clean(input.companyDomain),
    profiles: unique(input.profiles ?? []),
    tags: unique(input.tags ?? []),
    role: input.role ?? false,
    fit: input.fit,
    sources: (input.sources ?? []).slice(-MAX_SOURCES),
    notes: clean(input.notes, 20_000) ?? '',
    referredBy: input.referredBy,
    searchTerms: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const stored = limited(contact);
  await tx.store.add(stored);
  return { contact: stored, created: true };
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
    results = [];
    try {
      for (const input of inputs) results.push(await upsertInTx(tx, input, now, store.newId));
    } catch (error) {
      tx.done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // Already finished: nothing left to undo.
      }
      throw error;
    }
    await tx.done;
  } catch (error) {
    throw asStoreError(error);
  }
  if (results.length) store.emit({ store: 'contacts', ids: results.map((r) => r.contact.id), kind: 'put' });
  return results;
}

export type ContactPatch = Partial<
  Pick<
    Contact,
    'name' | 'title' | 'company' | 'companyDomain' | 'phones' | 'profiles' | 'tags' | 'notes' | 'fit' | 'role'
  >
>;

/** Updates a contact if nobody changed it since `expectedVersion`; a stale write is a conflict. */
export async function updateContact(
  store: Store,
  id: string,
  expectedVersion: number,
  patch: ContactPatch,
): Promise<Contact> {
  try {
    const tx = dbOf(store).transaction('contacts', 'readwrite', STRICT);
    const current = await tx.store.get(id);
    if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
    if (current.version !== expectedVersion) throw conflict('contact', id);
    const next: Contact = { ...current, ...patch, updatedAt: store.now(), version: current.version + 1 };
    const stored = limited(next);
    await tx.store.put(stored);
    await tx.done;
    store.emit({ store: 'contacts', ids: [id], kind: 'put' });
    return stored;
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

export async function allContacts(store: Store): Promise<Contact[]> {
  return dbOf(store).getAll('contacts');
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
