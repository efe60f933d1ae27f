import type { Contact } from './contact';

/**
 * The one set of contact limits: the message schemas (popup, content scripts), every import
 * (CSV, vCard, sync) through the contacts repository, the backup validator and its migration all
 * use these, so nothing one path stores can be refused by another.
 */
export const CONTACT_LIMITS = {
  name: 500,
  text: 2_000,
  email: 254,
  emails: 50,
  phone: 40,
  phones: 50,
  domain: 253,
  profile: 2_000,
  profiles: 50,
  tag: 200,
  tags: 200,
  notes: 20_000,
  sources: 50,
  searchTerms: 64,
} as const;

/** Bidi overrides, isolates and marks: they can make a name read backwards (`\u202Egnp.exe`). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI, '');
}

const cut = (text: string, max: number) => stripBidi(text).slice(0, max);
const list = (values: string[], each: number, count: number) =>
  values
    .map((v) => cut(v, each))
    .filter(Boolean)
    .slice(0, count);

/** A contact record cut to the limits, bidi controls stripped from its text. */
export function withinLimits<C extends Contact>(contact: C): C {
  const L = CONTACT_LIMITS;
  const next: C = {
    ...contact,
    name: cut(contact.name, L.name),
    emails: contact.emails.slice(0, L.emails),
    emailKeys: contact.emailKeys.slice(0, L.emails),
    phones: list(contact.phones, L.phone, L.phones),
    profiles: list(contact.profiles, L.profile, L.profiles),
    tags: list(contact.tags, L.tag, L.tags),
    notes: cut(contact.notes, L.notes),
    sources: contact.sources.slice(-L.sources),
    searchTerms: (contact.searchTerms ?? []).slice(0, L.searchTerms),
  };
  if (contact.title !== undefined) next.title = cut(contact.title, L.text);
  if (contact.company !== undefined) next.company = cut(contact.company, L.text);
  if (contact.companyDomain !== undefined) next.companyDomain = cut(contact.companyDomain, L.domain);
  return next;
}
