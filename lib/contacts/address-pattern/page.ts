import { isFreeMailDomain, isRoleAddress } from '../../data';
import { companyDomainOf } from '../company';
import { registrableDomain } from '../email';
import { learnPatterns, type KnownAddress } from './learn';
import { majority, proposeAddress, type AddressProposal } from './propose';

/** A person as detection reports them. */
export interface PagePerson {
  name?: string;
  emails: readonly string[];
  companyDomain?: string;
  role?: boolean;
}

const domainOf = (email: string) => registrableDomain(email.slice(email.lastIndexOf('@') + 1));

/** The company domain most of these addresses use (never free mail), if one leads. */
function leadingDomain(emails: readonly string[]): string | undefined {
  const votes: Record<string, number> = {};
  for (const email of emails) {
    const domain = companyDomainOf([email]);
    if (domain) votes[domain] = (votes[domain] ?? 0) + 1;
  }
  return majority(votes)?.[0];
}

/**
 * The company a page speaks for: the registrable domain most of its personal addresses use;
 * else the one its role addresses (info@, vertrieb@) use; else the page's own registrable
 * domain. Webmail pages speak for nobody: their callers pass no URL.
 */
export function pageCompanyDomain(
  people: readonly PagePerson[],
  pageUrl: string | undefined,
): string | undefined {
  const emails = people.flatMap((p) => p.emails);
  const top =
    leadingDomain(emails.filter((e) => !isRoleAddress(e))) ??
    leadingDomain(emails.filter((e) => isRoleAddress(e)));
  if (top) return top;
  let host: string | undefined;
  try {
    host = pageUrl ? new URL(pageUrl).hostname : undefined;
  } catch {
    host = undefined;
  }
  const own = host ? registrableDomain(host) : undefined;
  return own && !isFreeMailDomain(own) ? own : undefined;
}

/**
 * The company a person without an address of their own there works for: theirs if known, else
 * the page's. A role address beside a name (a card with vertrieb@) is not the person's own.
 */
function domainFor(person: PagePerson, pageDomain: string | undefined): string | undefined {
  if (person.role || !person.name) return undefined;
  const domain = person.companyDomain ?? companyDomainOf(person.emails) ?? pageDomain;
  const hasOwnThere = person.emails.some((e) => !isRoleAddress(e) && domainOf(e) === domain);
  return hasOwnThere ? undefined : domain;
}

/** The registrable domains whose evidence the page's people without an address need. */
export function domainsToLearn(people: readonly PagePerson[], pageUrl: string | undefined): string[] {
  const pageDomain = pageCompanyDomain(people, pageUrl);
  return [...new Set(people.map((p) => domainFor(p, pageDomain)).filter((d): d is string => !!d))];
}

/**
 * A proposed address for each person on the page who shows none at their company (undefined
 * for the others), learnt from the page's own addresses and the ones the store knows there.
 */
export function proposeForPage(
  people: readonly PagePerson[],
  stored: readonly KnownAddress[],
  pageUrl: string | undefined,
): (AddressProposal | undefined)[] {
  const pageDomain = pageCompanyDomain(people, pageUrl);
  const domains = people.map((p) => domainFor(p, pageDomain));
  if (!domains.some(Boolean)) return people.map(() => undefined);
  const onPage = people.flatMap((p) =>
    p.emails.map((email) => ({ email, name: p.role ? undefined : p.name })),
  );
  const learnt = learnPatterns([...onPage, ...stored]);
  return people.map((person, i) =>
    domains[i] ? proposeAddress(person.name!, learnt.get(domains[i])) : undefined,
  );
}
