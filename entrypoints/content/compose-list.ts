import { inPageText } from '@/lib/i18n/in-page';
import type { ComposeTemplatesView } from '@/lib/messages/responses';
import type { Locale } from '@/lib/pipeline/steps';

export type ListEntry = { heading: string } | { id: string; name: string };

/**
 * The compose list's rows: the templates in the background's order, and, when they come in more
 * than one language, a heading before each language's group (the rep's first; the recipient's
 * language is named as such).
 */
export function listEntries(view: ComposeTemplatesView, locale: Locale): ListEntry[] {
  const grouped = new Set(view.templates.map((t) => t.locale)).size > 1;
  const out: ListEntry[] = [];
  let last: Locale | undefined;
  for (const t of view.templates) {
    if (grouped && t.locale !== last) {
      const language = inPageText(locale, t.locale === 'de' ? 'compose_de' : 'compose_en');
      out.push({
        heading:
          t.locale === view.contactLocale
            ? inPageText(locale, 'composeContactLanguage', { language })
            : language,
      });
      last = t.locale;
    }
    out.push({ id: t.id, name: t.name });
  }
  return out;
}
