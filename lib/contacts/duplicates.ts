import type { Contact } from './contact';

export type DuplicateReason = 'name-company' | 'phone' | 'profile';

const fold = (text: string | undefined) =>
  (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** A profile link as one person's identity: host without www, path without trailing slash, no query. */
export function profileIdentity(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host.replace(/^www\./, '').toLowerCase()}${u.pathname.replace(/\/+$/, '').toLowerCase()}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/**
 * Why two records may be one person: the same name at the same company, a shared phone number,
 * or a shared profile link. Empty when nothing points to it.
 */
export function duplicateReasons(a: Contact, b: Contact): DuplicateReason[] {
  if (a.id === b.id) return [];
  const reasons: DuplicateReason[] = [];
  const company = (c: Contact) => fold(c.company) || fold(c.companyDomain);
  if (fold(a.name) && fold(a.name) === fold(b.name) && company(a) && company(a) === company(b))
    reasons.push('name-company');
  if (a.phones.some((p) => b.phones.includes(p))) reasons.push('phone');
  const profiles = new Set(a.profiles.map(profileIdentity));
  if (b.profiles.some((p) => profiles.has(profileIdentity(p)))) reasons.push('profile');
  return reasons;
}
