import type { ComponentChildren } from 'preact';
import type { Locale } from '@/lib/pipeline';
import { ApiContext, type Api } from './api';
import { LocaleContext } from './i18n';
import './styles.css';

export function Root({ api, locale, children }: { api: Api; locale: Locale; children: ComponentChildren }) {
  return (
    <ApiContext.Provider value={api}>
      <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>
    </ApiContext.Provider>
  );
}
