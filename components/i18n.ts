import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '@/lib/pipeline';
import { MESSAGES, resolveLocale, type MessageKey } from '@/lib/i18n';

export { MESSAGES, translate, resolveLocale, type MessageKey } from '@/lib/i18n';

export const LocaleContext = createContext<Locale>('en');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): (key: MessageKey) => string {
  const locale = useContext(LocaleContext);
  return (key) => MESSAGES[locale][key];
}

export function browserLocale(): Locale {
  return resolveLocale(globalThis.navigator?.language);
}

export { fillIn, formatDate, formatMoney } from '@/lib/i18n';
