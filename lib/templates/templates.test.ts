import { describe, expect, test } from 'vitest';
import {
  BUNDLE_KEY,
  bundleWithLibrary,
  DEFAULT_TEMPLATES,
  factOfSentTemplate,
  sentActivityKey,
  defaultLibrary,
  fillTemplate,
  MAX_TEMPLATES,
  parseLibrary,
  PLACEHOLDERS,
  questionSetFor,
  splitBundle,
  splitName,
  TEMPLATE_KINDS,
  templatesFor,
  unknownPlaceholders,
} from '.';

describe('defaults', () => {
  test('every kind in English and German, valid, each placeholder known', () => {
    expect(parseLibrary(defaultLibrary()).ok).toBe(true);
    for (const kind of TEMPLATE_KINDS)
      for (const locale of ['en', 'de'])
        expect(DEFAULT_TEMPLATES.some((t) => t.kind === kind && t.locale === locale)).toBe(true);
    for (const t of DEFAULT_TEMPLATES) expect(unknownPlaceholders(t.body)).toEqual([]);
  });
  test('the questionnaire carries the questions; the B2B set asks the seven needs topics', () => {
    const lib = defaultLibrary();
    const q = lib.templates.find((t) => t.kind === 'questionnaire' && t.locale === 'de')!;
    const set = questionSetFor(lib, 'de')!;
    const filled = fillTemplate(
      q.body,
      { contact: { name: 'Anna Schmidt', company: 'Acme' }, questions: set.questions },
      'de',
    );
    expect(filled.missing).toEqual([]);
    expect(filled.text).toContain('1. Wie lösen Sie das heute');
    expect(filled.text).toContain(`${set.questions.length}. `);
    expect(questionSetFor(lib, 'en')!.questions.join(' ')).toMatch(
      /situation[\s\S]*problem[\s\S]*cost[\s\S]*decision[\s\S]*budget[\s\S]*timeline/i,
    );
  });
});

describe('fillTemplate', () => {
  const ctx = {
    contact: { name: 'Dr. Jane Q. Miller', company: 'Acme Ltd', title: 'CTO' },
    deal: {
      title: 'Acme rollout',
      needs: { stated: ['Faster onboarding'], unstated: ['Less risk'] },
      value: { amount: 12500, currency: 'EUR' },
      nextAction: { text: 'Call on Friday' },
    },
  };
  test('fills every placeholder from the contact and the deal', () => {
    const body = PLACEHOLDERS.filter((p) => p !== 'questions')
      .map((p) => `{${p}}`)
      .join('|');
    const filled = fillTemplate(body, ctx, 'en');
    expect(filled.missing).toEqual([]);
    expect(filled.text).toBe(
      'Jane|Miller|Dr. Jane Q. Miller|Acme Ltd|CTO|Acme rollout|- Faster onboarding\n- Less risk|€12,500|Call on Friday',
    );
    expect(fillTemplate('{proposalValue}', ctx, 'de').text).toBe('12.500 €');
  });
  test('a missing value is shown as a localised marker and listed, never blank', () => {
    const en = fillTemplate('Hi {firstName} at {company}: {needs} {proposalValue}', {}, 'en');
    expect(en.text).toBe('Hi [first name?] at [company?]: [needs?] [proposal value?]');
    expect(en.missing).toEqual(['firstName', 'company', 'needs', 'proposalValue']);
    expect(fillTemplate('Hallo {firstName}', { contact: { name: '  ' } }, 'de').text).toBe(
      'Hallo [Vorname?]',
    );
  });
  test('unknown words in braces stay as written; values are never interpreted', () => {
    const out = fillTemplate('{foo} {company}', { contact: { company: '<b>{firstName}</b>' } }, 'en');
    expect(out.text).toBe('{foo} <b>{firstName}</b>');
    expect(unknownPlaceholders('{foo} {company} {foo}')).toEqual(['foo']);
  });
  test('names: "Last, First", particles, single given name, non-names', () => {
    expect(splitName('Miller, Jane')).toEqual({ first: 'Jane', last: 'Miller' });
    expect(splitName('Anna-Lena von der Heide')).toEqual({ first: 'Anna-Lena', last: 'von der Heide' });
    expect(splitName('Jane')).toEqual({});
    expect(splitName('sales@acme.com')).toEqual({});
  });
});

describe('templatesFor', () => {
  test('current step first, then later steps, then earlier ones; in the mail language', () => {
    const list = templatesFor(defaultLibrary(), 'propose', 'de');
    expect(list.every((t) => t.locale === 'de')).toBe(true);
    expect(list[0]!.kind).toBe('proposal-cover');
    expect(list.at(-1)!.kind).toBe('examples');
    expect(list.map((t) => t.kind).indexOf('referral-ask')).toBeLessThan(
      list.map((t) => t.kind).indexOf('introduction'),
    );
    expect(templatesFor(defaultLibrary(), undefined, 'en')[0]!.kind).toBe('introduction');
  });
  test('a language without templates falls back to all', () => {
    const lib = {
      ...defaultLibrary(),
      templates: defaultLibrary().templates.filter((t) => t.locale === 'en'),
    };
    expect(templatesFor(lib, 'discover', 'de')[0]!.kind).toBe('questionnaire');
  });
});

describe('library validation and the profile bundle', () => {
  test('bounded, unique ids, every issue by field', () => {
    const lib = defaultLibrary();
    const tooMany = {
      ...lib,
      templates: Array.from({ length: MAX_TEMPLATES + 1 }, (_, i) => ({ ...lib.templates[0]!, id: `t${i}` })),
    };
    expect(parseLibrary(tooMany).ok).toBe(false);
    const dup = { ...lib, templates: [lib.templates[0], lib.templates[0]] };
    expect(parseLibrary(dup)).toMatchObject({
      ok: false,
      issues: [{ path: 'templates', message: 'Two templates have the same id.' }],
    });
    const bad = parseLibrary({ ...lib, templates: [{ ...lib.templates[0], name: ' ', extra: 1 }] });
    expect(bad.ok || bad.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['templates.0', 'templates.0.name']),
    );
  });
  test('a profile file without templates imports as before; with them, both come back', () => {
    expect(splitBundle('{"id":"p"}')).toEqual({ ok: true, profile: { id: 'p' } });
    const lib = defaultLibrary();
    const back = splitBundle(JSON.stringify(bundleWithLibrary({ id: 'p', name: 'P' }, lib)));
    expect(back).toEqual({ ok: true, profile: { id: 'p', name: 'P' }, library: lib });
    const broken = splitBundle(
      JSON.stringify({ id: 'p', [BUNDLE_KEY]: { templates: 'x', questionSets: [] } }),
    );
    expect(broken).toMatchObject({ ok: false, issues: [{ path: `${BUNDLE_KEY}.templates` }] });
    expect(splitBundle('{oops')).toMatchObject({ ok: false, issues: [{ path: '' }] });
  });
});

describe('sent templates', () => {
  test('the fact a sent template proves, and one key per deal, step stay and kind', () => {
    const value = { amount: 1, currency: 'EUR' };
    expect(factOfSentTemplate('introduction', {})).toEqual({ kind: 'outreach' });
    expect(factOfSentTemplate('proposal-cover', { value })).toEqual({ kind: 'proposal-sent', value });
    expect(factOfSentTemplate('proposal-cover', {})).toBeUndefined();
    expect(factOfSentTemplate('check-in', {})).toEqual({ kind: 'check-in' });
    expect(factOfSentTemplate('questionnaire', { value })).toBeUndefined();
    const deal = { id: 'd', step: 'propose' as const, stepEnteredAt: 5 };
    expect(sentActivityKey(deal, 'proposal-cover')).toBe(sentActivityKey({ ...deal }, 'proposal-cover'));
    expect(sentActivityKey(deal, 'proposal-cover')).not.toBe(
      sentActivityKey({ ...deal, stepEnteredAt: 9 }, 'proposal-cover'),
    );
  });
});
