/**
 * The people test set (tests/fixtures/people): pages written to the shapes of real team,
 * leadership, staff-directory, contact, speaker, byline and imprint pages, with the people a
 * reader sees on each in `people.tsv`. Scored per field (precision and recall over all pages),
 * not page by page: it stands for pages nobody here has seen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/parse-html';
import { detectContacts, type DetectedContact } from '../../lib/detect';
import { CONFIDENT } from '../../lib/detect/types';
import { isRoleAddress } from '../../lib/data';

const DIR = 'tests/fixtures/people';

export interface Expected {
  file: string;
  name: string;
  title?: string;
  phones: string[];
  emails: string[];
  company?: string;
}

export interface FieldScore {
  field: string;
  found: number;
  correct: number;
  expected: number;
  precision: number;
  recall: number;
}

function table(file: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(join(DIR, file), 'utf8').trimEnd().split('\n');
  const keys = head!.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? '').trim()]));
  });
}

export function loadSet(): { pages: { file: string; url: string }[]; people: Expected[] } {
  const pages = table('pages.tsv').map((r) => ({ file: r.file!, url: r.url! }));
  const people = table('people.tsv').map((r) => ({
    file: r.file!,
    name: r.name!,
    title: r.title || undefined,
    phones: r.phones ? r.phones.split(' ') : [],
    emails: r.emails ? r.emails.split(' ') : [],
    company: r.company || undefined,
  }));
  return { pages, people };
}

const key = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function detectPage(file: string, url: string): DetectedContact[] {
  const html = readFileSync(join(DIR, file), 'utf8');
  return detectContacts(parseHtml(html, url), { url });
}

export interface Miss {
  file: string;
  field: string;
  expected?: string;
  found?: string;
}

/** Scores what the popup shows (contacts at or above `CONFIDENT`) against the table. */
export function scoreSet(): { scores: FieldScore[]; misses: Miss[]; pages: number; people: number } {
  const { pages, people } = loadSet();
  const counts = new Map<string, { found: number; correct: number; expected: number }>();
  const add = (field: string, found: number, correct: number, expected: number) => {
    const c = counts.get(field) ?? { found: 0, correct: 0, expected: 0 };
    c.found += found;
    c.correct += correct;
    c.expected += expected;
    counts.set(field, c);
  };
  const misses: Miss[] = [];
  for (const { file, url } of pages) {
    const shown = detectPage(file, url).filter((c) => c.confidence >= CONFIDENT && c.name);
    const expected = people.filter((p) => p.file === file);
    const byName = new Map(shown.map((c) => [key(c.name!), c]));
    const matched = new Set<DetectedContact>();
    for (const p of expected) {
      const c = byName.get(key(p.name));
      if (!c) {
        misses.push({ file, field: 'name', expected: p.name });
        add('name', 0, 0, 1);
        continue;
      }
      matched.add(c);
      add('name', 1, 1, 1);
      // Title
      const titleRight = !!p.title && !!c.title && key(c.title) === key(p.title);
      add('title', c.title ? 1 : 0, titleRight ? 1 : 0, p.title ? 1 : 0);
      if (!titleRight && (p.title || c.title))
        misses.push({ file, field: 'title', expected: p.title, found: c.title });
      // Phones
      const phonesRight = c.phones.filter((x) => p.phones.includes(x)).length;
      add('phone', c.phones.length, phonesRight, p.phones.length);
      if (phonesRight !== p.phones.length || phonesRight !== c.phones.length)
        misses.push({ file, field: 'phone', expected: p.phones.join(' '), found: c.phones.join(' ') });
      // Personal e-mail addresses (role accounts such as billing@ speak for a desk, not a person)
      const emails = c.emails.filter((e) => !isRoleAddress(e));
      const emailsRight = emails.filter((e) => p.emails.includes(e.toLowerCase())).length;
      add('email', emails.length, emailsRight, p.emails.length);
      if (emailsRight !== p.emails.length || emailsRight !== emails.length)
        misses.push({ file, field: 'email', expected: p.emails.join(' '), found: emails.join(' ') });
      // Company: the page's organisation as the page names it (one name may contain the other).
      if (p.company) {
        const right =
          !!c.company && (key(c.company).includes(key(p.company)) || key(p.company).includes(key(c.company)));
        add('company', c.company ? 1 : 0, right ? 1 : 0, 1);
        if (!right) misses.push({ file, field: 'company', expected: p.company, found: c.company });
      }
    }
    for (const c of shown) {
      if (matched.has(c)) continue;
      add('name', 1, 0, 0);
      misses.push({ file, field: 'name', found: `${c.name} (${c.confidence.toFixed(2)})` });
    }
  }
  const scores = [...counts].map(([field, c]) => ({
    field,
    ...c,
    precision: c.found ? c.correct / c.found : 1,
    recall: c.expected ? c.correct / c.expected : 1,
  }));
  return { scores, misses, pages: pages.length, people: people.length };
}

export function scoreTable(scores: FieldScore[]): string {
  const rows = scores.map(
    (s) =>
      `| ${s.field} | ${s.precision.toFixed(3)} (${s.correct}/${s.found}) | ${s.recall.toFixed(3)} (${s.correct}/${s.expected}) |`,
  );
  return ['| field | precision | recall |', '|---|---|---|', ...rows].join('\n');
}
