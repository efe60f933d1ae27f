// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/parse-html';
import { corpus } from '../../tests/corpora';
import { detectContacts } from './detect';
import { hasContactSignals, watchForContactSignals } from './probe';

const URL = 'https://acme.de/team';
const page = (html: string) => parseHtml(`<!doctype html><html lang="de"><body>${html}</body></html>`, URL);
const signals = (html: string) => hasContactSignals(page(html).body);

/** Pieces of pages: every way the scan finds a person, and prose that must not wake the scanner. */
const WITH_CONTACT = [
  '<p>Schreiben Sie an jane.doe@acme.de</p>',
  '<p>jane (at) acme (punkt) de</p>',
  '<p>jane at acme dot de</p>',
  '<a href="mailto:jane@acme.de">Jane Doe</a>',
  '<a href="tel:+49301234567">Anrufen</a>',
  '<div class="card"><h3>Jane Doe</h3><dl><dt>Telefon</dt>\n<dd>030 1234567</dd></dl></div>',
  '<div class="card"><h3>Max Muster</h3><p><span>T</span> <span>030 / 123 45 67</span></p></div>',
  '<p><span>T:</span> <span>030 / 123 45 67</span></p>',
  '<p>Tel. (030) 1234567</p>',
  '<p>Rufen Sie an: 0049 30 1234567</p>',
  '<p>Call +1 (415) 555-0132 today</p>',
  '<div class="card"><h3>Jane Doe</h3><a href="https://www.linkedin.com/in/janedoe">LinkedIn</a></div>',
  '<div class="card"><h3>Max Muster</h3><a href="https://github.com/maxmuster">GitHub</a></div>',
  '<div class="h-card"><span class="p-name">Jane Doe</span><span class="p-org">Acme</span></div>',
  '<div class="vcard"><span class="fn">Jane Doe</span><span class="tel">030 1234567</span></div>',
  '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Doe</span><span itemprop="jobTitle">CEO</span></div>',
  '<div vocab="https://schema.org/" typeof="Person"><span property="name">Jane Doe</span><span property="telephone">030 1234567</span></div>',
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Jane Doe","email":"jane@acme.de"}</script>',
];
const PROSE = [
  '<p>Seit 2015 haben wir 10000 Anlagen ausgeliefert, 20 % mehr als 2014.</p>',
  '<style>@media (max-width: 600px) { .x { color: red } } @import url(a.css);</style>',
  '<script>const a = "user@example.com"; // code, not a person</script>',
  '<h2>Unser Team</h2><p>We plan, build and service production lines at 3 sites.</p>',
  '<p>Page 12 of 40 · 3 min read · Updated 2026-11-26</p>',
  '<a href="/about">About us</a> <a href="https://example.org/docs">Docs</a>',
];

describe('contact signals', () => {
  test('each way to a contact is a signal; prose, code and styles are not', () => {
    for (const html of WITH_CONTACT) expect(signals(html), html).toBe(true);
    for (const html of PROSE) expect(signals(html), html).toBe(false);
    expect(signals(PROSE.join(''))).toBe(false);
  });

  test('never a miss: wherever the scan finds someone, the probe says yes (random pages)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WITH_CONTACT, ...PROSE, ...PROSE), { minLength: 1, maxLength: 6 }),
        (parts) => {
          const doc = page(parts.join('\n'));
          if (detectContacts(doc, { url: URL }).length) expect(hasContactSignals(doc.body)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  const microformats = corpus('microformats-tests/tests');
  const files = [
    ...['tests/fixtures/pages', 'tests/fixtures/people', 'demo/site'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(dir, f)),
    ),
    ...['microformats-v2/h-card', 'microformats-v1/hcard', 'microformats-mixed/h-card'].flatMap((dir) => {
      if (!microformats.present) return [];
      const full = join(microformats.path, dir);
      return readdirSync(full)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(full, f));
    }),
  ];

  test('never a miss on the fixture pages and the microformats corpus', () => {
    let withContacts = 0;
    const missed: string[] = [];
    for (const file of files) {
      const doc = parseHtml(readFileSync(file, 'utf8'), URL);
      if (!detectContacts(doc, { url: URL }).length) continue;
      withContacts++;
      if (!hasContactSignals(doc.body ?? doc.documentElement)) missed.push(file);
    }
    console.log(
      `probe: ${withContacts - missed.length}/${withContacts} pages with contacts woke the scanner`,
    );
    expect(missed).toEqual([]);
    // The fixture pages alone hold a handful; with the corpus, dozens.
    expect(withContacts).toBeGreaterThan(microformats.present ? 10 : 3);
  });
});

describe('watching a page', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test('a page with a contact fires at once', () => {
    document.body.replaceChildren();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'jane@acme.de' }));
    let found = 0;
    watchForContactSignals(document, () => found++);
    expect(found).toBe(1);
  });

  test('a quiet page fires once, when a contact is rendered later or typed into existing text', async () => {
    document.body.replaceChildren();
    const status = document.createTextNode('Loading…');
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Our team, 2026.' }));
    document.body.append(status);
    let found = 0;
    const stop = watchForContactSignals(document, () => found++, 10);
    expect(found).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'More prose, page 2.' }));
    await tick(30);
    expect(found).toBe(0);
    status.data = 'Write to jane.doe@acme.de';
    await tick(30);
    expect(found).toBe(1);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'max@acme.de' }));
    await tick(30);
    expect(found).toBe(1);
    stop();
  });

  test('a card rendered into a large list is found by its added nodes', async () => {
    document.body.replaceChildren();
    const list = document.createElement('ul');
    for (let i = 0; i < 300; i++)
      list.append(Object.assign(document.createElement('li'), { textContent: `Item ${i}` }));
    document.body.append(list);
    let found = 0;
    const stop = watchForContactSignals(document, () => found++, 10);
    const card = document.createElement('li');
    card.append(
      Object.assign(document.createElement('a'), { href: 'mailto:jane@acme.de', textContent: 'Jane' }),
    );
    list.append(card);
    await tick(30);
    expect(found).toBe(1);
    stop();
  });
});
