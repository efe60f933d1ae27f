import { STEP_IDS, type Locale, type StepId } from '../pipeline/steps';
import type { QuestionSet, Template, TemplateLibrary } from './schema';

/**
 * The templates the compose button lists, in the language of the mail: the deal's current step
 * first, then the following steps in pipeline order, then the earlier ones. Without a deal, the
 * pipeline order. A language without templates falls back to all of them.
 */
export function templatesFor(library: TemplateLibrary, step: StepId | undefined, locale: Locale): Template[] {
  const inLocale = library.templates.filter((t) => t.locale === locale);
  const list = inLocale.length ? inLocale : [...library.templates];
  const at = step ? STEP_IDS.indexOf(step) : 0;
  const rank = (s: StepId) => {
    const i = STEP_IDS.indexOf(s);
    return i >= at ? i - at : STEP_IDS.length + i;
  };
  return list
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t.step) - rank(b.t.step) || a.i - b.i)
    .map(({ t }) => t);
}

/** The question set a questionnaire uses: the first in the template's language, else the first. */
export function questionSetFor(library: TemplateLibrary, locale: Locale): QuestionSet | undefined {
  return library.questionSets.find((q) => q.locale === locale) ?? library.questionSets[0];
}
