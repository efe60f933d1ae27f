import { issuesByField, z } from '../zod';
import { STEP_IDS } from '../pipeline/steps';
import { TEMPLATE_LOCALES } from './locales';

/** The kinds of template the compose button offers, each belonging to a pipeline step. */
export const TEMPLATE_KINDS = [
  'introduction',
  'questionnaire',
  'scope-summary',
  'examples',
  'proposal-cover',
  'evaluation-follow-up',
  'negotiation',
  'order-confirmation',
  'check-in',
  'referral-ask',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const MAX_TEMPLATES = 200;
export const MAX_QUESTION_SETS = 20;
export const MAX_QUESTIONS = 40;
export const MAX_BODY = 10_000;

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.-]+$/, 'Use letters, digits, dot, dash or underscore.');
export { TEMPLATE_LOCALES };
const locale = z.enum(TEMPLATE_LOCALES);

export const templateSchema = z.strictObject({
  id,
  kind: z.enum(TEMPLATE_KINDS),
  step: z.enum(STEP_IDS),
  locale,
  name: z.string().trim().min(1, 'Give the template a name.').max(100),
  body: z.string().trim().min(1, 'A template needs a text.').max(MAX_BODY),
});
export type Template = z.infer<typeof templateSchema>;

export const questionSetSchema = z.strictObject({
  id,
  locale,
  name: z.string().trim().min(1, 'Give the question set a name.').max(100),
  questions: z
    .array(z.string().trim().min(1, 'A question cannot be empty.').max(500))
    .min(1, 'A question set needs at least one question.')
    .max(MAX_QUESTIONS),
});
export type QuestionSet = z.infer<typeof questionSetSchema>;

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

/** Everything the rep keeps of templates: stored as one setting, exported with the fit profiles. */
export const templateLibrary = z.strictObject({
  templates: z.array(templateSchema).max(MAX_TEMPLATES).refine(uniqueIds, 'Two templates have the same id.'),
  questionSets: z
    .array(questionSetSchema)
    .max(MAX_QUESTION_SETS)
    .refine(uniqueIds, 'Two question sets have the same id.'),
});
export type TemplateLibrary = z.infer<typeof templateLibrary>;

export interface LibraryIssue {
  path: string;
  message: string;
}

/** Validates a library (the editor's draft or an import): the library, or every problem by field. */
export function parseLibrary(
  input: unknown,
): { ok: true; library: TemplateLibrary } | { ok: false; issues: LibraryIssue[] } {
  const result = templateLibrary.safeParse(input);
  if (result.success) return { ok: true, library: result.data };
  return { ok: false, issues: issuesByField(result.error) };
}
