import { contactsAtDomains, type Store } from '@/lib/db';
import { domainsToLearn, proposeForPage } from '@/lib/contacts/address-pattern';
import { registrableDomain } from '@/lib/contacts/email';
import type { TabContact } from '@/lib/messages';

const MAX_STORE_DOMAINS = 25;

/**
 * The tab's contacts with a guessed address for each person the page shows none for at their
 * company, learnt from the page's addresses and the store's at that company; a person the store
 * already knows there by name is linked to that contact (with its guess, or its confirmed address).
 * `pageUrl` is undefined for webmail: a mail client's host speaks for no company.
 */
export async function withProposals(
  store: Store,
  contacts: TabContact[],
  pageUrl: string | undefined,
): Promise<TabContact[]> {
  const plain = contacts.map(({ proposed: _p, storedEmail: _s, ...c }) => c);
  // A page names a company or a few (a conference page: many); the store is read for a bounded few.
  const domains = domainsToLearn(plain, pageUrl).slice(0, MAX_STORE_DOMAINS);
  if (!domains.length) return plain;
  const stored = await contactsAtDomains(store, domains);
  const known = stored.flatMap((c) => (c.role ? [] : c.emails.map((email) => ({ email, name: c.name }))));
  const proposals = proposeForPage(plain, known, pageUrl);
  const byName = new Map(stored.filter((c) => c.name).map((c) => [c.name.toLocaleLowerCase(), c]));
  return plain.map((c, i) => {
    const proposed = proposals[i];
    const same = !c.contactId && c.name ? byName.get(c.name.toLocaleLowerCase()) : undefined;
    if (!same) return proposed ? { ...c, proposed } : c;
    const domain = same.proposedEmail?.domain ?? proposed?.domain ?? same.companyDomain;
    const storedEmail = same.emails.find(
      (e) => registrableDomain(e.slice(e.lastIndexOf('@') + 1)) === domain,
    );
    const guess = storedEmail ? undefined : (same.proposedEmail ?? proposed);
    return {
      ...c,
      contactId: same.id,
      ...(guess && { proposed: guess }),
      ...(storedEmail && { storedEmail }),
    };
  });
}
