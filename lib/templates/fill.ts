import { formatMoney } from '../i18n';
import { nameParts } from '../text/person-name';
import type { Locale } from '../pipeline/steps';
import { numberedQuestions } from './questions';

/** Every placeholder a template may use. */
export const PLACEHOLDERS = [
  'firstName',
  'lastName',
  'name',
  'company',
  'title',
  'dealTitle',
  'needs',
  'proposalValue',
  'nextStep',
  'questions',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** How a missing value reads in the mail, so the rep sees it before sending: "[firstName?]". */
const MISSING_LABEL: Record<Locale, Record<Placeholder, string>> = {
  en: {
    firstName: 'first name',
    lastName: 'last name',
    name: 'name',
    company: 'company',
    title: 'job title',
    dealTitle: 'deal',
    needs: 'needs',
    proposalValue: 'proposal value',
    nextStep: 'next step',
    questions: 'questions',
  },
  de: {
    firstName: 'Vorname',
    lastName: 'Nachname',
    name: 'Name',
    company: 'Firma',
    title: 'Position',
    dealTitle: 'Deal',
    needs: 'Bedarf',
    proposalValue: 'Angebotswert',
    nextStep: 'nächster Schritt',
    questions: 'Fragen',
  },
};

export const missingMarker = (locale: Locale, key: Placeholder) => `[${MISSING_LABEL[locale][key]}?]`;

export interface FillContext {
  contact?: { name?: string; company?: string; title?: string };
  deal?: {
    title?: string;
    needs?: { stated: readonly string[]; unstated: readonly string[] };
    value?: { amount: number; currency: string };
    nextAction?: { text: string };
  };
  questions?: readonly string[];
}

export interface Filled {
  text: string;
  /** Placeholders without a value, shown in the text as markers. */
  missing: Placeholder[];
}

/** The amount as the mail language writes it, with plain spaces (no NBSP in a plain-text mail). */
const money = (value: { amount: number; currency: string }, locale: Locale) =>
  formatMoney(value.amount, value.currency, locale).replace(/[\u00a0\u202f]/g, ' ');

const clean = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;

/** Given and family name of a person's name ("Dr. Jane Q. Miller", "Miller, Jane"); none for a non-name. */
export function splitName(raw: string | undefined): { first?: string; last?: string } {
  const name = clean(raw);
  if (!name) return {};
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  const parts = nameParts(comma ? `${comma[2]} ${comma[1]}` : name);
  if (!parts) return {};
  const tokens = parts.tokens;
  if (tokens.length === 1) return parts.givenName ? { first: tokens[0] } : { last: tokens[0] };
  const rest = tokens.slice(1).filter((t) => !/^\p{Lu}\.$/u.test(t));
  return { first: tokens[0], ...(rest.length ? { last: rest.join(' ') } : {}) };
}

function valueOf(key: Placeholder, ctx: FillContext, locale: Locale): string | undefined {
  const name = clean(ctx.contact?.name);
  switch (key) {
    case 'firstName':
      return splitName(name).first;
    case 'lastName':
      return splitName(name).last;
    case 'name':
      return name;
    case 'company':
      return clean(ctx.contact?.company);
    case 'title':
      return clean(ctx.contact?.title);
    case 'dealTitle':
      return clean(ctx.deal?.title);
    case 'needs': {
      const needs = [...(ctx.deal?.needs?.stated ?? []), ...(ctx.deal?.needs?.unstated ?? [])]
        .map(clean)
        .filter(Boolean);
      return needs.length ? needs.map((n) => `- ${n}`).join('\n') : undefined;
    }
    case 'proposalValue':
      return ctx.deal?.value ? money(ctx.deal.value, locale) : undefined;
    case 'nextStep':
      return clean(ctx.deal?.nextAction?.text);
    case 'questions':
      return ctx.questions?.length ? numberedQuestions(ctx.questions) : undefined;
  }
}

const isPlaceholder = (s: string): s is Placeholder => (PLACEHOLDERS as readonly string[]).includes(s);

/**
 * Fills `{placeholder}`s from the contact and the deal. A value that is missing is written as a
 * visible marker ("[first name?]", "[Vorname?]") and listed in `missing`, never left blank; an
 * unknown `{word}` stays as written. Values are plain text: nothing here is markup.
 */
export function fillTemplate(body: string, ctx: FillContext, locale: Locale): Filled {
  const missing = new Set<Placeholder>();
  const text = body.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!isPlaceholder(key)) return whole;
    const value = valueOf(key, ctx, locale);
    if (value !== undefined) return value;
    missing.add(key);
    return missingMarker(locale, key);
  });
  return { text, missing: [...missing] };
}

/** `{word}`s of a body that are no placeholder: the editor flags them as likely typos. */
export function unknownPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].filter((k) => !isPlaceholder(k));
}
