/**
 * Detection identity check: records what detection finds on every fixture, demo, corpus, webmail
 * and bench page (whole-document and sliced through the scanner with several chunk settings),
 * or compares a later run against such a record and prints the cases that differ.
 *
 *   npx tsx scripts/detect-snapshot.ts record /tmp/detect-before.json
 *   npx tsx scripts/detect-snapshot.ts compare /tmp/detect-before.json
 *
 * The record holds corpus-derived results, so it lives outside the repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseHtml } from '../cli/parse-html';
import { detectionPages, htmlPages, type DetectionPage } from '../tests/detection-pages';
import { CASES } from '../tests/fixtures/webmail/conformance/cases';
import { createScanner, detectContacts } from '../lib/detect';
import { mailContacts, mailViewJson, readMailView } from '../lib/webmail';
import { cardHtml, textHtml } from './bench/pages';
import type { DetectedContact } from '../lib/detect';

type Page = DetectionPage;

/** The bench's page (scripts/bench/pages.ts loadPage), at a size Node reads in seconds. */
function benchPage(n: number, withProse: boolean): Page {
  const half = n >> 1;
  const parts = ['<main><section class="team">'];
  for (let i = 0; i < half; i++) parts.push(cardHtml(i, withProse));
  parts.push('</section><section class="text">');
  for (let i = half; i < n; i++) parts.push(textHtml(i, withProse));
  parts.push('</section></main>');
  return {
    name: `bench ${n} ${withProse ? 'prose' : 'dense'}`,
    html: `<html><body>${parts.join('')}</body></html>`,
    url: 'https://firma.de/',
  };
}

function pages(): Page[] {
  const out: Page[] = [
    ...detectionPages(),
    ...htmlPages('tests/fixtures/webmail', 'https://www.example.com/'),
    ...htmlPages('demo/site', 'http://localhost/'),
  ];
  out.push(benchPage(1_200, false), benchPage(1_200, true));
  for (const c of CASES) out.push({ name: `webmail case ${c.name}`, html: c.html, url: c.url });
  return out;
}

/** A contact as data: its evidence elements by their position in the document. */
function plain(contacts: DetectedContact[], doc: Document): unknown {
  const index = new Map<Element, number>();
  [...doc.getElementsByTagName('*')].forEach((el, i) => index.set(el, i));
  return contacts.map((c) => ({
    ...c,
    evidence: c.evidence.map((e) => ({ ...e, element: e.element ? (index.get(e.element) ?? -2) : -1 })),
  }));
}

/** The scanner settings compared: the content script's, and chunk limits small and large. */
const SCANS = [
  { name: 'scanner 400/2ms', maxChunkElements: 400, sliceMs: 2 },
  { name: 'scanner 30/1ms', maxChunkElements: 30, sliceMs: 1 },
  { name: 'scanner 5/8ms', maxChunkElements: 5, sliceMs: 8 },
  { name: 'scanner 5000/8ms', maxChunkElements: 5_000, sliceMs: 8 },
];

async function record(): Promise<Record<string, string>> {
  const results: Record<string, string> = {};
  for (const page of pages()) {
    const doc = parseHtml(page.html, page.url);
    const options = { url: page.url, browserLocale: 'en-US' };
    results[`${page.name} | whole`] = JSON.stringify(plain(detectContacts(doc, options), doc));
    for (const s of SCANS) {
      const scanner = createScanner(doc, () => undefined, {
        ...options,
        ...s,
        yieldToPage: () => Promise.resolve(),
      });
      await scanner.idle();
      results[`${page.name} | ${s.name}`] = JSON.stringify(plain(scanner.contacts(), doc));
    }
  }
  for (const c of CASES) {
    const doc = parseHtml(c.html, c.url);
    const view = readMailView(doc, c.url, { region: c.region });
    results[`webmail case ${c.name} | mail view`] = JSON.stringify([
      view ? mailViewJson(view) : null,
      view ? mailContacts(view) : [],
    ]);
  }
  return results;
}

const [mode, file = '/tmp/detect-before.json'] = process.argv.slice(2);
const started = Date.now();
const now = await record();
const count = Object.keys(now).length;
if (mode === 'record') {
  writeFileSync(file, JSON.stringify(now));
  console.log(`recorded ${count} cases in ${file} (${Date.now() - started} ms)`);
} else if (mode === 'compare') {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const differing = Object.keys({ ...before, ...now }).filter((k) => before[k] !== now[k]);
  for (const k of differing) {
    console.log(`DIFFERS: ${k}`);
    if (process.env.VERBOSE)
      console.log(`  before: ${before[k]?.slice(0, 2000)}\n  after:  ${now[k]?.slice(0, 2000)}`);
  }
  const found = Object.values(now).reduce((n, v) => n + (JSON.parse(v) as unknown[]).length, 0);
  console.log(`${count} cases (${found} contacts), ${differing.length} differ (${Date.now() - started} ms)`);
  if (differing.length) process.exitCode = 1;
} else {
  console.error('usage: detect-snapshot.ts record|compare [file]');
  process.exitCode = 2;
}
