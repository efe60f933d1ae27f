import { describe, expect, test } from 'vitest';
import { compileProfile, DEFAULT_PROFILE, parseProfile, type FitSubject } from './index';
import { compileLinearPattern } from './linear-regex';

const evaluate = compileProfile(DEFAULT_PROFILE).evaluate;
const person = (p: Partial<FitSubject>): FitSubject => ({ emails: [], phones: [], ...p });

describe('default B2B profile', () => {
  test('decision-makers are leads, with a reason per rule that fired', () => {
    const r = evaluate(
      person({ title: 'Head of Procurement', emails: ['m.weber@acme.de'], phones: ['+49301234568'] }),
    );
    expect(r.verdict).toBe('lead');
    expect(r.score).toBe(80);
    expect(r.reasons).toEqual([
      "+30: title 'Head of Procurement' matches seniority Head",
      "+5: title 'Head of Procurement' contains 'Procurement'",
      '+5: has a phone number',
    ]);
    expect(evaluate(person({ title: 'Geschäftsführerin', emails: ['j@acme.de'] })).verdict).toBe('lead');
    expect(evaluate(person({ title: 'Bereichsleiterin Vertrieb', emails: ['b@acme.de'] })).verdict).toBe(
      'lead',
    );
    expect(evaluate(person({ title: 'Prokurist', emails: ['p@acme.de'] })).verdict).toBe('lead');
  });

  test('seniority in the languages the product serves', () => {
    const level = (title: string) =>
      evaluate(person({ title, emails: ['x@acme.de'] }))
        .reasons.find((r) => r.includes('seniority'))
        ?.replace(/.* seniority /, '');
    expect(level('Leiter Vertrieb Europa')).toBe('Head');
    expect(level('Leiterin Einkauf')).toBe('Head');
    expect(level('Abteilungsleiter Logistik')).toBe('Head');
    expect(level('Bereichsleiter Einkauf')).toBe('Director');
    expect(level('Teamleiter Lager')).toBe('Manager');
    expect(level('Geschäftsführerin')).toBe('C-level');
    expect(level('Vorstand Finanzen')).toBe('C-level');
    expect(level('Prokuristin')).toBe('Head');
    expect(level('Directeur commercial')).toBe('Director');
    expect(level('Directrice générale')).toBe('C-level');
    expect(level('Directora de Marketing')).toBe('Director');
    expect(level('Diretor Financeiro')).toBe('Director');
    expect(level('Responsabile acquisti')).toBe('Head');
    expect(level('Jefa de Compras')).toBe('Head');
    // Each title scores once: "Leiter X" is not also a manager.
    const leiter = evaluate(person({ title: 'Leiter Vertrieb Europa', emails: ['x@acme.de'] }));
    expect(leiter.reasons.filter((r) => r.includes('seniority'))).toHaveLength(1);
  });

  test('free-mail and role accounts go down; juniors are no fit', () => {
    expect(evaluate(person({ emails: ['info@acme.de'], role: true })).verdict).toBe('no-fit');
    const gmail = evaluate(person({ title: 'Head of IT', emails: ['jane@gmail.com'] }));
    expect(gmail.reasons).toContain('−25: free-mail address (gmail.com)');
    expect(gmail.verdict).toBe('maybe');
    expect(evaluate(person({ title: 'Werkstudentin Marketing', emails: ['l@acme.de'] })).verdict).toBe(
      'no-fit',
    );
  });

  test('reasons in German', () => {
    const r = compileProfile(DEFAULT_PROFILE).evaluate(person({ title: 'CEO', emails: ['x@acme.de'] }), {
      locale: 'de',
    });
    expect(r.reasons[0]).toBe('+35: Titel „CEO“ entspricht Ebene C-level');
  });
});

describe('rules', () => {
  const profile = (rules: unknown[], extra: object = {}) => {
    const parsed = parseProfile({ id: 'p', name: 'P', thresholds: { lead: 60, maybe: 40 }, rules, ...extra });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return compileProfile(parsed.profile);
  };

  test('allow and deny lists with subdomain wildcards; deny excludes whatever the score', () => {
    const p = profile([
      { id: 'a', kind: 'company-list', mode: 'allow', entries: ['acme.com', 'Beta AG'], weight: 30 },
      { id: 'd', kind: 'company-list', mode: 'deny', entries: ['*.competitor.io'], weight: -10 },
    ]);
    expect(p.evaluate(person({ emails: ['x@eu.acme.com'] })).verdict).toBe('lead');
    expect(p.evaluate(person({ company: 'Beta AG', emails: [] })).verdict).toBe('lead');
    expect(p.evaluate(person({ emails: ['x@competitor.io'] })).verdict).toBe('maybe');
    const denied = p.evaluate(person({ emails: ['x@sales.competitor.io'], title: 'CEO' }));
    expect(denied.verdict).toBe('excluded');
    expect(denied.reasons[0]).toMatch(/deny list/);
  });

  test('tld, page keywords, customer, regex; score clamped to 0..100', () => {
    const p = profile([
      { id: 't', kind: 'tld', tlds: ['.de', 'at'], weight: 50 },
      { id: 'k', kind: 'page-keywords', keywords: ['Förderanlagen'], weight: 50 },
      { id: 'c', kind: 'customer', weight: 50 },
      { id: 'r', kind: 'field-regex', field: 'title', pattern: '^(senior|lead) ', weight: -100 },
    ]);
    const r = p.evaluate(person({ emails: ['x@firma.at'] }), {
      pageText: 'Wir bauen Förderanlagen.',
      isCustomer: true,
    });
    expect(r.score).toBe(100);
    expect(p.evaluate(person({ title: 'Senior Engineer' })).score).toBe(0);
  });
});

describe('bad criteria files', () => {
  const base = { id: 'p', name: 'P', thresholds: { lead: 60, maybe: 40 } };
  test.each([
    [
      'an invalid regex',
      { ...base, rules: [{ id: 'r', kind: 'field-regex', field: 'title', pattern: '(', weight: 5 }] },
      'rules.0.pattern',
      /Not a valid pattern/,
    ],
    [
      'a backreference (no linear-time engine runs it)',
      { ...base, rules: [{ id: 'r', kind: 'field-regex', field: 'title', pattern: '(a)\\1', weight: 5 }] },
      'rules.0.pattern',
      /Not a valid pattern/,
    ],
    [
      'a lookahead',
      {
        ...base,
        rules: [{ id: 'r', kind: 'field-regex', field: 'title', pattern: 'head(?= of)', weight: 5 }],
      },
      'rules.0.pattern',
      /Not a valid pattern/,
    ],
    [
      'a weight of "abc"',
      { ...base, rules: [{ id: 'r', kind: 'has-phone', weight: 'abc' }] },
      'rules.0.weight',
      /number/,
    ],
    [
      '5,000 rules',
      {
        ...base,
        rules: Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, kind: 'has-phone', weight: 1 })),
      },
      'rules',
      /at most 1000/,
    ],
    ['an empty profile', {}, 'id', /./],
    [
      'an unknown rule kind',
      { ...base, rules: [{ id: 'r', kind: 'astrology', weight: 1 }] },
      'rules.0.kind',
      /./,
    ],
    [
      'inverted thresholds',
      { ...base, thresholds: { lead: 30, maybe: 60 }, rules: [] },
      'thresholds.maybe',
      /above/,
    ],
  ])('%s is refused with the field named', (_label, input, path, message) => {
    const result = parseProfile(JSON.stringify(input));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });

  test('not JSON', () => {
    expect(parseProfile('{')).toMatchObject({ ok: false, issues: [{ path: '' }] });
  });

  test('catastrophic shapes run in linear time: accepted, and scoring long titles ends at once', () => {
    const shapes = [
      '\\w*\\w*\\w*\\w*!',
      '.*.*.*=',
      '[a-z]+[a-z]+[a-z]+\\d',
      '(a+)+$',
      '(\\w+\\s?)*$',
      '(a|aa)+b',
    ];
    const profile = parseProfile(
      JSON.stringify({
        ...base,
        rules: shapes.map((pattern, i) => ({
          id: `r${i}`,
          kind: 'field-regex',
          field: 'title',
          pattern,
          weight: 5,
        })),
      }),
    );
    expect(profile.ok).toBe(true);
    if (!profile.ok) return;
    const p = compileProfile(profile.profile);
    // With a backtracking engine one such title took seconds; ten of them blocked the worker for 29 s.
    const titles = ['a', 'x', 'aaaa ', 'ab'].map((c) => c.repeat(10_000 / c.length));
    for (const title of titles) expect(p.evaluate(person({ title })).score).toBeGreaterThanOrEqual(0);
    expect(p.evaluate(person({ title: `${'a'.repeat(300)}!` })).reasons.join()).toMatch(
      /matches the pattern/,
    );
  });

  test('the engine finds what JavaScript finds for ordinary patterns, case-insensitively', () => {
    const cases: [string, string, boolean][] = [
      ['^head of', 'Head of Sales', true],
      ['(?:ceo|cfo)\\b', 'CFO, Acme', true],
      ['(?:ceo|cfo)\\b', 'cfoo', false],
      ['gesch[äa]ftsf[üu]hr', 'GESCHÄFTSFÜHRERIN', true],
      ['x{2,5}y', 'xxxy', true],
      ['\\d{3}', 'no digits', false],
    ];
    for (const [pattern, text, found] of cases) {
      expect(compileLinearPattern(pattern).test(text), pattern).toBe(found);
      expect(new RegExp(pattern, 'iu').test(text), pattern).toBe(found);
    }
  });

  test('scoring 10,000 contacts stays cheap even with a bounded slow-ish regex', () => {
    const p = compileProfile(DEFAULT_PROFILE);
    const subjects = Array.from({ length: 10_000 }, (_, i) =>
      person({ title: i % 2 ? 'Head of Sales' : 'a'.repeat(100_000), emails: [`p${i}@acme.de`] }),
    );
    const verdicts = subjects.map((s) => p.evaluate(s).verdict);
    expect(verdicts.filter((v) => v === 'lead')).toHaveLength(5000);
  });
});
