import { compileProfile, DEFAULT_PROFILE, type FitProfile, type FitSubject } from '../../lib/fit';
import { median, table } from './measure';

const TITLES = [
  'Head of Procurement',
  'Geschäftsführerin',
  'Werkstudentin Marketing',
  'Sales Manager',
  'CTO',
  'Software Engineer',
  'Bereichsleiter Einkauf',
  'Intern',
];

export async function fitBench(): Promise<string> {
  const subjects: FitSubject[] = Array.from({ length: 10_000 }, (_, i) => ({
    name: `Person ${i}`,
    title: TITLES[i % TITLES.length],
    emails: [
      i % 5 === 0 ? `p${i}@gmail.com` : i % 7 === 0 ? `info@firma${i}.de` : `p${i}@firma${i % 300}.de`,
    ],
    phones: i % 2 ? ['+49301234567'] : [],
    company: `Firma ${i % 300} GmbH`,
  }));
  const big: FitProfile = {
    ...DEFAULT_PROFILE,
    id: 'big',
    rules: [
      ...DEFAULT_PROFILE.rules,
      ...Array.from({ length: 190 }, (_, i) => ({
        id: `kw${i}`,
        kind: 'title-keywords' as const,
        keywords: [`Keyword${i}`, `Stichwort${i}`],
        weight: 1,
        enabled: true,
      })),
    ],
  };
  const rows = [];
  for (const [label, profile] of [
    ['default profile (10 rules)', DEFAULT_PROFILE],
    ['200-rule profile', big],
  ] as const) {
    const compiled = compileProfile(profile);
    // Baseline: the same loop doing only the regex tests the profile's rules make.
    const patterns = profile.rules.flatMap((r) =>
      r.kind === 'title-keywords'
        ? [new RegExp(`(?<![\\p{L}\\p{N}])(?:${r.keywords.join('|')})(?![\\p{L}\\p{N}])`, 'iu')]
        : r.kind === 'seniority'
          ? [/\b(?:Head|CEO|Director|Manager)\b/iu]
          : [],
    );
    const ms = await median(() => {
      for (const s of subjects) compiled.evaluate(s);
    });
    const baselineMs = await median(() => {
      let hits = 0;
      for (const s of subjects) for (const p of patterns) if (p.test(s.title ?? '')) hits++;
      return hits;
    });
    rows.push({ case: `score 10,000 contacts, ${label}`, ms, baselineMs });
  }
  return table('Fit scoring (Node)', 'the same loop doing only the regex tests', rows);
}
