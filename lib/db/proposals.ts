import type { Contact } from '../contacts/contact';
import { normaliseEmail } from '../contacts/email';
import { searchTermsOf } from '../contacts/contact';
import { asStoreError, conflict, StoreError } from './errors';
import { STRICT, type Store } from './open';

/** Contacts read per domain as pattern evidence: enough for any majority, bounded for huge domains. */
const MAX_PER_DOMAIN = 500;

/** The contacts at these registrable domains (the company's known people), at most 500 each. */
export async function contactsAtDomains(store: Store, domains: Iterable<string>): Promise<Contact[]> {
  const tx = store.db.transaction('contacts');
  const index = tx.store.index('byDomain');
  const lists = await Promise.all(
    [...new Set([...domains].map((d) => d.toLowerCase()))].map((d) => index.getAll(d, MAX_PER_DOMAIN)),
  );
  return lists.flat();
}

/**
 * The rep confirms a contact's guessed address: it becomes one of its addresses (matched,
 * deduplicated and exported like any other) and the guess is gone. An address another contact
 * already has is a conflict, never a second owner.
 */
export async function confirmProposedEmail(
  store: Store,
  id: string,
  expectedVersion: number,
): Promise<Contact> {
  try {
    const tx = store.db.transaction('contacts', 'readwrite', STRICT);
    const current = await tx.store.get(id);
    if (!current) throw new StoreError('not-found', 'This contact no longer exists.');
    if (current.version !== expectedVersion) throw conflict('contact', id);
    const proposal = current.proposedEmail;
    const address = proposal && normaliseEmail(proposal.address);
    if (!address || address.key !== proposal.key)
      throw new StoreError('invalid', 'This contact has no proposed address to confirm.');
    const owner = await tx.store.index('byEmail').get(address.key);
    if (owner && owner.id !== id) {
      throw new StoreError(
        'conflict',
        `${address.display} already belongs to ${owner.name || 'another contact'}.`,
      );
    }
    const next: Contact = {
      ...current,
      emails: current.emailKeys.includes(address.key) ? current.emails : [...current.emails, address.display],
      emailKeys: current.emailKeys.includes(address.key)
        ? current.emailKeys
        : [...current.emailKeys, address.key],
      updatedAt: store.now(),
      version: current.version + 1,
    };
    delete next.proposedEmail;
    next.searchTerms = searchTermsOf(next);
    await tx.store.put(next);
    await tx.done;
    store.emit({ store: 'contacts', ids: [id], kind: 'put' });
    return next;
  } catch (error) {
    throw asStoreError(error);
  }
}
