import type { Contact } from '../contacts/contact';
import { normaliseEmail } from '../contacts/email';
import { rewriteContact } from './contacts';
import { StoreError } from './errors';
import type { Store } from './open';
import { dbOf } from './internal';

/** Contacts read per domain as pattern evidence: enough for any majority, bounded for huge domains. */
const MAX_PER_DOMAIN = 500;

/** The contacts at these registrable domains (the company's known people), at most 500 each. */
export async function contactsAtDomains(store: Store, domains: Iterable<string>): Promise<Contact[]> {
  const tx = dbOf(store).transaction('contacts');
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
  return rewriteContact(store, id, expectedVersion, async (current, tx) => {
    const proposal = current.proposedEmail;
    const address = proposal && normaliseEmail(proposal.address);
    if (!address || address.key !== proposal.key) {
      throw new StoreError('invalid', 'This contact has no proposed address to confirm.');
    }
    const owner = await tx.store.index('byEmail').get(address.key);
    if (owner && owner.id !== id) {
      throw new StoreError(
        'conflict',
        `${address.display} already belongs to ${owner.name || 'another contact'}.`,
      );
    }
    const known = current.emailKeys.includes(address.key);
    const { proposedEmail: _settled, ...rest } = current;
    return {
      ...rest,
      emails: known ? current.emails : [...current.emails, address.display],
      emailKeys: known ? current.emailKeys : [...current.emailKeys, address.key],
    };
  });
}

/**
 * Guesses that just appeared for real (on a page, in a mail) become addresses: every contact
 * whose guessed address is among `emails` gets it as an address, unless another contact already
 * has it. One read for the common case (no guess among them); a write only when one settles.
 */
export async function settleGuesses(store: Store, emails: readonly string[]): Promise<Contact[]> {
  const keys = [...new Set(emails.map((e) => normaliseEmail(e)?.key).filter((k): k is string => !!k))];
  if (!keys.length) return [];
  const index = dbOf(store).transaction('contacts').store.index('byGuess');
  const hits = (await Promise.all(keys.map((key) => index.get(key)))).filter((c): c is Contact => !!c);
  const settled: Contact[] = [];
  for (const guessed of hits) {
    try {
      settled.push(await confirmProposedEmail(store, guessed.id, guessed.version));
    } catch (error) {
      // Someone else has the address, or the contact changed meanwhile: the guess stays a guess.
      if (!(error instanceof StoreError && (error.code === 'conflict' || error.code === 'not-found')))
        throw error;
    }
  }
  return settled;
}
