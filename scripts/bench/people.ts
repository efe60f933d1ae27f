/**
 * People detection: what it finds on the people test set (precision and recall per field), and
 * what the structural reading costs as pages grow, against a bare text walk of the same page.
 */
import { parseHtml } from '../../cli/parse-html';
import { createVisibility } from '../../lib/detect/dom';
import { detectContacts } from '../../lib/detect';
import { fromPeople } from '../../lib/detect/sources/people';
import { scoreSet, scoreTable } from '../../tests/people/score';
import { median, table, type Row } from './measure';

const FIRST = ['Anna', 'James', 'Sofia', 'Lukas', 'Emma', 'David', 'Claire', 'Marco', 'Julia', 'Peter'];
const LAST = [
  'Becker',
  'Moreau',
  'Garcia',
  'Hughes',
  'Nakamura',
  'Rossi',
  'Novak',
  'Fischer',
  'Walsh',
  'Ortiz',
];
const TITLES = [
  'Sales Manager',
  'Leiterin Einkauf',
  'Directrice commerciale',
  'Head of Operations',
  'Town Clerk',
];

/** A staff page of `n` people without mail links: cards, rows and "Title – Name" lines in thirds. */
function staffPage(n: number): string {
  const parts = ['<html lang="en"><body><nav><a href="/">Home</a> <a href="/about">About Us</a></nav>'];
  const name = (i: number) =>
    `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}${i >= 100 ? ` ${LAST[i % 7]}` : ''}`;
  const third = Math.ceil(n / 3);
  parts.push('<div class="team">');
  for (let i = 0; i < third; i++)
    parts.push(
      `<div class="card"><img src="/p${i}.jpg" alt=""><h3>${name(i)}</h3><p>${TITLES[i % 5]}</p><p>Phone: (303) 555-${String(1000 + (i % 9000)).padStart(4, '0')}</p></div>`,
    );
  parts.push('</div><table>');
  for (let i = third; i < 2 * third; i++)
    parts.push(`<tr><td>${name(i)}</td><td>${TITLES[i % 5]}</td><td>ext. ${100 + (i % 900)}</td></tr>`);
  parts.push('</table><ul>');
  for (let i = 2 * third; i < n; i++) parts.push(`<li>${TITLES[i % 5]} – ${name(i)}</li>`);
  parts.push('</ul><p>Main office: (303) 555-0100</p></body></html>');
  return parts.join('\n');
}

function walk(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, 4);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) total += node.nodeValue?.length ?? 0;
  return total;
}

export async function peopleBench(): Promise<string> {
  const { scores, pages, people } = scoreSet();
  const rows: Row[] = [];
  for (const n of [100, 1_000, 5_000]) {
    const doc = parseHtml(staffPage(n), 'https://www.example.com/staff');
    const ctx = {
      base: 'https://www.example.com/staff',
      region: 'US' as const,
      visibility: createVisibility(false),
    };
    const found = fromPeople(doc.body, ctx).length;
    const ms = await median(() => fromPeople(doc.body, { ...ctx, visibility: createVisibility(false) }), 3);
    const baselineMs = await median(() => walk(doc), 3);
    rows.push({
      case: `${n.toLocaleString('en')} people, no mail links`,
      ms,
      baselineMs,
      note: `${found} found`,
    });
    if (n === 1_000) {
      // The whole scan of the same page: how much of it the structural reading is.
      const url = 'https://www.example.com/staff';
      const fullMs = await median(() => detectContacts(doc, { url }), 3);
      const share = `people reading ${Math.round((100 * ms) / fullMs)}% of it`;
      rows.push({ case: '1,000 people: the whole scan (all sources)', ms: fullMs, baselineMs, note: share });
    }
  }
  return [
    `### People test set (${pages} pages, ${people} people)`,
    '',
    'What the popup shows (confidence ≥ 0.65), per field:',
    '',
    scoreTable(scores),
    '',
    table('People from page structure (Node, happy-dom)', 'bare TreeWalker text walk', rows),
  ].join('\n');
}
