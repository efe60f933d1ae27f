import type { CountryCode } from 'libphonenumber-js';
import { COUNTRIES } from '../contacts/countries';
import { guessRegion } from './region';
import { textPrefix } from './dom';

/** How much page text the address signals read: enough for a header, a footer and a team. */
const SAMPLE_CHARS = 200_000;

const NANP = /(?:^|[^\d+])\(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)/g;
const SIGNALS: [CountryCode, RegExp][] = [
  // "Denver, CO 80202", "Austin, TX 78701-1234"
  [
    'US',
    /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]),? \d{5}(?:-\d{4})?\b/g,
  ],
  // "Toronto, ON M5V 2T6"
  ['CA', /\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT),? [A-Z]\d[A-Z] ?\d[A-Z]\d\b/g],
  // "London EC1A 1BB"
  ['GB', /\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b/g],
  // "Sydney NSW 2000"
  ['AU', /\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT) \d{4}\b/g],
  ['DE', /\b(?:Deutschland|Germany|D-\d{5})\b/g],
  ['AT', /\b(?:Österreich|Austria|A-\d{4})\b/g],
  ['CH', /\b(?:Schweiz|Switzerland|Suisse|CH-\d{4})\b/g],
  ['FR', /\b(?:France|F-\d{5})\b/g],
  ['ES', /\b(?:España|Spain)\b/g],
  ['IT', /\b(?:Italia|Italy)\b/g],
  ['NL', /\b(?:Nederland|Netherlands|\d{4} ?[A-Z]{2}(?= [A-Z][a-z]))\b/g],
  ['GB', /\b(?:United Kingdom|England|Scotland|Wales)\b/g],
  ['CA', /\bCanada\b/g],
  ['AU', /\bAustralia\b/g],
  ['IE', /\bIreland\b/g],
];

function count(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) if (++n > 50) break;
  return n;
}

function regionOfLocale(locale: string | null | undefined): CountryCode | undefined {
  const part = (locale ?? '').split(/[-_]/)[1]?.toUpperCase();
  return part && COUNTRIES.has(part) ? (part as CountryCode) : undefined;
}

/**
 * The phone region of a page, from its own signals: the country TLD, a regional `lang`,
 * `og:locale` and `hreflang`, then addresses (postcodes, country names) and NANP-shaped numbers in
 * its text, then the language's main country, then the rep's browser locale. A `.com` page of a
 * Denver firm reads as US; one with "80331 München, Deutschland" as DE.
 */
export function guessPageRegion(
  doc: Document,
  url: string | undefined,
  // Not named `browserLocale`: WXT's auto-import took that name for components/i18n's export and
  // pulled Preact into the content script.
  userLocale?: string,
): CountryCode | undefined {
  const lang = doc.documentElement?.getAttribute('lang') ?? undefined;
  const fromUrl = guessRegion(url);
  if (fromUrl) return fromUrl;
  const fromLang = regionOfLocale(lang);
  if (fromLang) return fromLang;
  const og = regionOfLocale(doc.querySelector('meta[property="og:locale"]')?.getAttribute('content'));
  if (og) return og;
  const self = [...doc.querySelectorAll('link[hreflang]')]
    .map((l) => regionOfLocale(l.getAttribute('hreflang')))
    .filter(Boolean);
  if (self.length === 1) return self[0];
  const text = doc.body ? textPrefix(doc.body, SAMPLE_CHARS) : '';
  const scores = new Map<CountryCode, number>();
  for (const [region, re] of SIGNALS) scores.set(region, (scores.get(region) ?? 0) + count(text, re));
  const nanp = count(text, NANP);
  if (nanp) {
    // NANP numbers are US or CA; a Canadian postcode or "Canada" decides.
    const ca = scores.get('CA') ?? 0;
    scores.set(ca > (scores.get('US') ?? 0) ? 'CA' : 'US', Math.max(ca, scores.get('US') ?? 0) + nanp);
  }
  const best = [...scores].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] > 0) return best[0];
  const language = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  if (language && language !== 'en') {
    const byLanguage = guessRegion(undefined, language);
    if (byLanguage) return byLanguage;
  }
  return regionOfLocale(userLocale) ?? guessRegion(undefined, lang ?? userLocale);
}
