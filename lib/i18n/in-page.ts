import type { Locale } from '../pipeline';

/**
 * The part of the one string table that in-page badges and chips show. It lives in a module of its
 * own so the content script carries these few strings, not the whole table; `lib/i18n/index.ts`
 * spreads it into `MESSAGES`, so it is checked complete with everything else.
 */
export const IN_PAGE = {
  en: {
    verdict_lead: 'Lead',
    verdict_maybe: 'Maybe',
    'verdict_no-fit': 'No fit',
    verdict_excluded: 'Excluded',
    badgeLost: 'lost',
    badgeAdd: '+ Add',
    badgeOf: 'Pipeline Scout: {text}',
    composeButton: 'Templates',
    composeList: 'Pipeline Scout templates (Alt+Shift+T)',
    composeNoDeal: 'No deal for these recipients: general templates',
    composeFailed: 'Templates are not available right now.',
    compose_en: 'English',
    compose_de: 'German',
    composeContactLanguage: '{language} · the contact’s language',
  },
  de: {
    verdict_lead: 'Lead',
    verdict_maybe: 'Vielleicht',
    'verdict_no-fit': 'Kein Fit',
    verdict_excluded: 'Ausgeschlossen',
    badgeLost: 'verloren',
    badgeAdd: '+ Hinzufügen',
    badgeOf: 'Pipeline Scout: {text}',
    composeButton: 'Vorlagen',
    composeList: 'Pipeline-Scout-Vorlagen (Alt+Umschalt+T)',
    composeNoDeal: 'Kein Deal für diese Empfänger: allgemeine Vorlagen',
    composeFailed: 'Vorlagen sind gerade nicht verfügbar.',
    compose_en: 'Englisch',
    compose_de: 'Deutsch',
    composeContactLanguage: '{language} · Sprache des Kontakts',
  },
} satisfies Record<Locale, Record<string, string>>;

export type InPageKey = keyof (typeof IN_PAGE)['en'];

/** An in-page string; `{name}` placeholders are replaced by `params` (text only). */
export function inPageText(locale: Locale, key: InPageKey, params?: Record<string, string>): string {
  const text: string = IN_PAGE[locale][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m) : text;
}
