import type { FitRuleInput } from '@/lib/fit';

export type RuleKind = FitRuleInput['kind'];

/** A new rule of each kind, with a starting value the rep edits. */
export const NEW_RULES: Record<RuleKind, () => FitRuleInput> = {
  'title-keywords': () => ({
    id: crypto.randomUUID(),
    kind: 'title-keywords',
    keywords: ['Procurement'],
    weight: 10,
  }),
  seniority: () => ({ id: crypto.randomUUID(), kind: 'seniority', levels: ['head'], weight: 20 }),
  'company-list': () => ({
    id: crypto.randomUUID(),
    kind: 'company-list',
    mode: 'allow',
    entries: ['example.com'],
    weight: 20,
  }),
  tld: () => ({ id: crypto.randomUUID(), kind: 'tld', tlds: ['de'], weight: 5 }),
  'free-mail': () => ({ id: crypto.randomUUID(), kind: 'free-mail', weight: -25 }),
  'role-account': () => ({ id: crypto.randomUUID(), kind: 'role-account', weight: -40 }),
  'page-keywords': () => ({
    id: crypto.randomUUID(),
    kind: 'page-keywords',
    keywords: ['logistics'],
    weight: 5,
  }),
  'has-phone': () => ({ id: crypto.randomUUID(), kind: 'has-phone', weight: 5 }),
  customer: () => ({ id: crypto.randomUUID(), kind: 'customer', weight: 10 }),
  'field-regex': () => ({
    id: crypto.randomUUID(),
    kind: 'field-regex',
    field: 'title',
    pattern: '^senior ',
    weight: 5,
  }),
};

export const RULE_KINDS = Object.keys(NEW_RULES) as RuleKind[];

/** "a, b ,c" → ["a", "b", "c"]. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
