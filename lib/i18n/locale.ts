import type { Locale } from '../pipeline';

/** The product's locale for a language tag (a setting, or the browser's UI language). */
export function resolveLocale(tag: string | undefined | null): Locale {
  return (tag ?? 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
}
