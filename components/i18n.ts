import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '@/lib/pipeline';
import { resolveLocale, translate, type MessageKey, type MessageParams } from '@/lib/i18n';

export { MESSAGES, translate, resolveLocale, type MessageKey, type MessageParams } from '@/lib/i18n';

export const LocaleContext = createContext<Locale>('en');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useContext(LocaleContext);
  return (key, params) => translate(locale, key, params);
}

export function browserLocale(): Locale {
  return resolveLocale(globalThis.navigator?.language);
}

export { formatDate, formatMoney } from '@/lib/i18n';
