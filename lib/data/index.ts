import freeMailDomains from './free-mail-domains.json';
import roleLocalParts from './role-local-parts.json';
import valedictions from './valedictions.json';
import greetings from './greetings.json';
import legalFooterPhrases from './legal-footer-phrases.json';

/**
 * Valedictions ("Best regards", "Mit freundlichen Grüßen", "Atenciosamente"), greetings ("Hi",
 * "Olá", "Sehr geehrte") and legal-footer phrases ("Registergericht", "confidential") in en, de,
 * fr, es, pt, it, nl, pl, sv, da (and no): lower-case, sorted; `lib/text/phrases.ts` matches them.
 */
export { freeMailDomains, roleLocalParts, valedictions, greetings, legalFooterPhrases };

// Pure: a bundle that never asks (the content scripts, lib/contacts/checks-remote.ts) drops the list.
const FREE_MAIL = /* @__PURE__ */ new Set<string>(freeMailDomains);
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
