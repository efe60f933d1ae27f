import type { CountryCode } from 'libphonenumber-js';
import { domainInfo } from '../contacts/checks';
import { COUNTRIES } from '../contacts/countries';

const LANGUAGE_REGION: Record<string, CountryCode> = {
  de: 'DE',
  fr: 'FR',
  it: 'IT',
  es: 'ES',
  nl: 'NL',
  pl: 'PL',
  sv: 'SE',
  da: 'DK',
  fi: 'FI',
  nb: 'NO',
  cs: 'CZ',
  pt: 'PT',
  ja: 'JP',
  en: 'US',
};
const TLD_REGION: Record<string, CountryCode> = { uk: 'GB' };

/**
 * The default phone region of a page: the URL's country TLD first (acme.de), then the region
 * of the document's `lang` (de-AT → AT), then the language's main country.
 */
export function guessRegion(url: string | undefined, lang?: string): CountryCode | undefined {
  if (url) {
    try {
      const tld = domainInfo(new URL(url).hostname).publicSuffix?.split('.').at(-1)?.toLowerCase();
      if (tld) {
        const region = TLD_REGION[tld] ?? tld.toUpperCase();
        if (tld.length === 2 && COUNTRIES.has(region)) return region as CountryCode;
      }
    } catch {
      // not a URL: fall through to the language
    }
  }
  const [language, regionPart] = (lang ?? '').toLowerCase().split(/[-_]/);
  if (regionPart && COUNTRIES.has(regionPart.toUpperCase())) return regionPart.toUpperCase() as CountryCode;
  return language ? LANGUAGE_REGION[language] : undefined;
}
