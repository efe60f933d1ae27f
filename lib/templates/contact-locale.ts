import type { Locale } from '../pipeline/steps';

/**
 * Country signals that name one language of the templates: top-level domains and phone country
 * codes of countries with one main language. Switzerland, Belgium, Canada … say nothing.
 */
const TLD: Record<string, Locale> = {
  de: 'de',
  at: 'de',
  li: 'de',
  uk: 'en',
  ie: 'en',
  au: 'en',
  nz: 'en',
  us: 'en',
};
const CALLING: [string, Locale][] = [
  ['+49', 'de'],
  ['+43', 'de'],
  ['+423', 'de'],
  ['+44', 'en'],
  ['+353', 'en'],
  ['+61', 'en'],
  ['+64', 'en'],
  ['+1', 'en'],
];

const tldOf = (domain: string) => /\.([a-z]{2,})$/i.exec(domain.trim())?.[1]?.toLowerCase();

/**
 * The language a contact probably reads, from the country of their addresses' and company's
 * domains and their phone numbers (E.164). Undefined when nothing says, or the signals disagree.
 */
export function contactLocale(contact: {
  emails?: readonly string[];
  companyDomain?: string;
  phones?: readonly string[];
}): Locale | undefined {
  const found = new Set<Locale>();
  for (const domain of [
    ...(contact.emails ?? []).map((e) => e.split('@')[1] ?? ''),
    contact.companyDomain ?? '',
  ]) {
    const locale = TLD[tldOf(domain) ?? ''];
    if (locale) found.add(locale);
  }
  for (const phone of contact.phones ?? []) {
    const number = phone.replace(/[^\d+]/g, '');
    const locale = CALLING.find(([code]) => number.startsWith(code))?.[1];
    if (locale) found.add(locale);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
