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
  },
} satisfies Record<Locale, Record<string, string>>;

export type InPageKey = keyof (typeof IN_PAGE)['en'];

export function inPageText(locale: Locale, key: InPageKey): string {
  return IN_PAGE[locale][key];
}
