/**
 * The pages detection is compared on (lib/detect/split.test.ts, scripts/detect-snapshot.ts): the
 * fixture and people pages, the microformats h-card suites, the isemail suite and the linkify-it
 * fixtures (the corpora present; see tests/corpora.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from './corpora';

export interface DetectionPage {
  name: string;
  html: string;
  url: string;
}

/** The `.html` files of a folder, in name order, each read as a page at `url`. */
export function htmlPages(dir: string, url: string, prefix = dir): DetectionPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: `${prefix}/${f}`, html: readFileSync(join(dir, f), 'utf8'), url }));
}

export function detectionPages(): DetectionPage[] {
  const out: DetectionPage[] = [];
  for (const dir of ['tests/fixtures/pages', 'tests/fixtures/people'])
    out.push(...htmlPages(dir, 'https://www.example.com/team'));
  const mf = corpus('microformats-tests/tests');
  if (mf.present)
    for (const dir of ['microformats-v2/h-card', 'microformats-v1/hcard', 'microformats-mixed/h-card'])
      out.push(...htmlPages(join(mf.path, dir), 'http://example.com/', dir));
  const isemail = corpus('email-addresses/test/tests.json');
  if (isemail.present) {
    const cases = JSON.parse(readFileSync(isemail.path, 'utf8')) as { address: string }[];
    // The whole suite on one page, in text and in mailto links, as the conformance test reads it.
    const html = cases
      .map(
        (c) =>
          `<p>Write to ${c.address} today.</p><a href="mailto:${encodeURIComponent(c.address)}">mail</a>`,
      )
      .join('\n');
    out.push({ name: 'isemail', html, url: 'http://localhost/' });
  }
  const linkify = corpus('linkify-it/test/fixtures');
  if (linkify.present)
    for (const f of ['links.txt', 'not_links.txt']) {
      const lines = readFileSync(join(linkify.path, f), 'utf8').split('\n');
      const html = lines
        .map((l) => `<p>${l.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`)
        .join('');
      out.push({ name: `linkify-it/${f}`, html, url: 'http://localhost/' });
    }
  return out;
}
