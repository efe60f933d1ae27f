import freeMailDomains from './free-mail-domains.json';
import roleLocalParts from './role-local-parts.json';

export { freeMailDomains, roleLocalParts };

const FREE_MAIL = new Set<string>(freeMailDomains);
const ROLE = new Set<string>(roleLocalParts);

export function isFreeMailDomain(domain: string | undefined): boolean {
  return !!domain && FREE_MAIL.has(domain.toLowerCase());
}

/** info@, sales@, no-reply@, karriere@ … (also "info.de@" and "sales-team@" forms). */
export function isRoleLocalPart(local: string): boolean {
  const l = local.toLowerCase();
  if (ROLE.has(l)) return true;
  const head = l.split(/[.+_-]/)[0] ?? '';
  return ROLE.has(head) && head.length >= 4;
}

export function isRoleAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && isRoleLocalPart(email.slice(0, at));
}
