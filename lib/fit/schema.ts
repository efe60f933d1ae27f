import { issuesByField, z } from '../zod';
import { compileLinearPattern } from './linear-regex';

export const SENIORITY_LEVELS = ['c-level', 'vp', 'head', 'director', 'manager'] as const;
export type SeniorityLevel = (typeof SENIORITY_LEVELS)[number];
export const REGEX_FIELDS = ['name', 'title', 'company', 'email', 'companyDomain'] as const;

export const MAX_RULES = 1_000;
const weight = z
  .number({ error: 'The weight must be a number.' })
  .int('The weight must be a whole number.')
  .min(-100)
  .max(100);
const words = z.array(z.string().trim().min(1).max(100)).min(1, 'Add at least one entry.').max(2_000);
const base = {
  id: z.string().min(1).max(100),
  enabled: z.boolean().default(true),
  weight,
};

const pattern = z
  .string()
  .min(1)
  .max(200, 'Patterns are limited to 200 characters.')
  .superRefine((value, ctx) => {
    // Run by RE2 (linear time, whatever the shape): what it cannot run (backreferences,
    // lookaround) is refused with its reason.
    try {
      compileLinearPattern(value);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `Not a valid pattern (backreferences and lookaround are not supported): ${(error as Error).message}`,
      });
    }
  });

export const fitRule = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('title-keywords'), keywords: words }),
  z.strictObject({ ...base, kind: z.literal('seniority'), levels: z.array(z.enum(SENIORITY_LEVELS)).min(1) }),
  z.strictObject({
    ...base,
    kind: z.literal('company-list'),
    mode: z.enum(['allow', 'deny']),
    entries: words,
  }),
  z.strictObject({ ...base, kind: z.literal('tld'), tlds: words }),
  z.strictObject({ ...base, kind: z.literal('free-mail') }),
  z.strictObject({ ...base, kind: z.literal('role-account') }),
  z.strictObject({ ...base, kind: z.literal('page-keywords'), keywords: words }),
  z.strictObject({ ...base, kind: z.literal('has-phone') }),
  z.strictObject({ ...base, kind: z.literal('customer') }),
  z.strictObject({ ...base, kind: z.literal('field-regex'), field: z.enum(REGEX_FIELDS), pattern }),
]);
export type FitRule = z.infer<typeof fitRule>;
export type FitRuleInput = z.input<typeof fitRule>;

export const fitProfile = z
  .strictObject({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1, 'Give the profile a name.').max(100),
    base: z.number().int().min(0).max(100).default(40),
    thresholds: z.strictObject({
      lead: z.number().int().min(0).max(100),
      maybe: z.number().int().min(0).max(100),
    }),
    rules: z.array(fitRule).max(MAX_RULES, `A profile has at most ${MAX_RULES} rules.`),
  })
  .refine((p) => p.thresholds.maybe <= p.thresholds.lead, {
    message: 'The "maybe" threshold cannot be above the "lead" threshold.',
    path: ['thresholds', 'maybe'],
  });
export type FitProfile = z.infer<typeof fitProfile>;

export interface ProfileIssue {
  path: string;
  message: string;
}

/** Validates a profile from JSON (an import, or the editor): the profile, or every problem by field. */
export function parseProfile(
  input: unknown,
): { ok: true; profile: FitProfile } | { ok: false; issues: ProfileIssue[] } {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      return { ok: false, issues: [{ path: '', message: `Not JSON: ${(error as Error).message}` }] };
    }
  }
  const result = fitProfile.safeParse(data);
  if (result.success) return { ok: true, profile: result.data };
  return { ok: false, issues: issuesByField(result.error) };
}
