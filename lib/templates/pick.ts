import { STEP_IDS, type Locale, type StepId } from '../pipeline/steps';
import { TEMPLATE_LOCALES, type QuestionSet, type Template, type TemplateLibrary } from './schema';

/** The deal's current step first, then the following steps in pipeline order, then the earlier ones. */
function byStep(list: readonly Template[], step: StepId | undefined): Template[] {
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

/**
 * The templates the compose button lists, in the language of the mail, by step (without a deal,
 * the pipeline order). A language without templates falls back to all of them.
 */
export function templatesFor(library: TemplateLibrary, step: StepId | undefined, locale: Locale): Template[] {
  const inLocale = library.templates.filter((t) => t.locale === locale);
  return byStep(inLocale.length ? inLocale : library.templates, step);
}

export interface TemplateGroup {
  locale: Locale;
  templates: Template[];
}

/**
 * The compose list in groups by language, the rep's language first, each by step. Both languages
 * are listed when the library has templates in more than one, or when the recipient's language is
 * known and differs from the rep's; otherwise one group, as `templatesFor`.
 */
export function templateGroups(
  library: TemplateLibrary,
  step: StepId | undefined,
  repLocale: Locale,
  contactLocale?: Locale,
): TemplateGroup[] {
  const present = TEMPLATE_LOCALES.filter((l) => library.templates.some((t) => t.locale === l));
  const both = present.length > 1 || (!!contactLocale && contactLocale !== repLocale);
  if (!both) {
    const templates = templatesFor(library, step, repLocale);
    return templates.length ? [{ locale: templates[0]!.locale, templates }] : [];
  }
  return [repLocale, ...present.filter((l) => l !== repLocale)]
    .map((locale) => ({
      locale,
      templates: byStep(
        library.templates.filter((t) => t.locale === locale),
        step,
      ),
    }))
    .filter((g) => g.templates.length);
}

/** The question set a questionnaire uses: the first in the template's language, else the first. */
export function questionSetFor(library: TemplateLibrary, locale: Locale): QuestionSet | undefined {
  return library.questionSets.find((q) => q.locale === locale) ?? library.questionSets[0];
}
