import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/parse-html';
import { detectContacts } from './detect';
import { findEmailsInText, textEmail } from '../text/emails';
import { normaliseEmail } from '../contacts/email';
import { corpus } from '../../tests/corpora';

const MF_CORPUS = corpus('microformats-tests/tests');
const MF = MF_CORPUS.path;
const MF_DIRS = ['microformats-v2/h-card', 'microformats-v1/hcard', 'microformats-mixed/h-card'];

type Mf = { type?: string[]; properties?: Record<string, unknown[]>; children?: Mf[]; value?: unknown };

function hCards(node: unknown, out: Mf[] = []): Mf[] {
  if (Array.isArray(node)) node.forEach((n) => hCards(n, out));
  else if (node && typeof node === 'object') {
    const mf = node as Mf;
    if (mf.type?.includes('h-card')) out.push(mf);
    Object.values(mf).forEach((v) => hCards(v, out));
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const str = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof (v as { value?: unknown })?.value === 'string'
      ? (v as { value: string }).value
      : '';
const digits = (s: string) => s.replace(/\D/g, '');

const cases = (MF_CORPUS.present ? MF_DIRS : []).flatMap((dir) =>
  readdirSync(join(MF, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: `${dir}/${f.replace('.json', '')}`, base: join(MF, dir, f.replace('.json', '')) })),
);

function checkCase(base: string): string[] {
  const html = readFileSync(`${base}.html`, 'utf8');
  const expected = hCards(JSON.parse(readFileSync(`${base}.json`, 'utf8')));
  const found = detectContacts(parseHtml(html, 'http://example.com/'), { url: 'http://example.com/' });
  const problems: string[] = [];
  for (const card of expected) {
    const props = card.properties ?? {};
    const name = str(props.name?.[0]);
    if (!name) continue;
    const contact = found.find((c) => c.name && squash(c.name) === squash(name));
    if (!contact) {
      problems.push(`no contact named ${JSON.stringify(squash(name))}`);
      continue;
    }
    for (const e of (props.email ?? []).map(str)) {
      const key = normaliseEmail(e.replace(/^mailto:/, ''))?.key;
      if (key && !contact.emails.some((x) => normaliseEmail(x)?.key === key))
        problems.push(`${name}: email ${e} missing`);
    }
    for (const t of (props.tel ?? []).map(str)) {
      if (!contact.phones.some((p) => digits(p) === digits(t))) problems.push(`${name}: tel ${t} missing`);
    }
    const org = str(props.org?.[0]);
    if (org && !(contact.company && squash(contact.company) === squash(org)))
      problems.push(`${name}: org ${org} ≠ ${contact.company}`);
    const title = str(props['job-title']?.[0]);
    if (title && contact.title !== squash(title)) problems.push(`${name}: title ${title} ≠ ${contact.title}`);
  }
  return problems;
}

describe.runIf(MF_CORPUS.present)('microformats conformance (h-card, classic hCard, mixed)', () => {
  const results = cases.map((c) => ({ ...c, problems: checkCase(c.base) }));
  const passed = results.filter((r) => r.problems.length === 0).length;
  console.log(`microformats conformance: ${passed}/${results.length} cases pass`);
  test.each(results.map((r) => [r.name, r.problems]))('%s', (_name, problems) => {
    expect(problems).toEqual([]);
  });
});

interface EmailCase {
  address: string;
  category: string;
}

const ISEMAIL = corpus('email-addresses/test/tests.json');

describe.runIf(ISEMAIL.present)('isemail agreement', () => {
  const all = (ISEMAIL.present ? JSON.parse(readFileSync(ISEMAIL.path, 'utf8')) : []) as EmailCase[];
  const valid = all.filter((c) => c.category === 'ISEMAIL_VALID_CATEGORY');
  const invalid = all.filter((c) => c.category === 'ISEMAIL_ERR');
  // Valid by RFC but not a prospect's address: a bare TLD (test@io) and an IDN test TLD that
  // the public suffix list does not carry.
  const NOT_DELIVERABLE_LOOKING = ['test@io', 'test@xn--hxajbheg2az3al.xn--jxalpdlp'];

  test('valid, deliverable-looking addresses are accepted in text and in mailto', () => {
    const rejected = valid.filter((c) => !normaliseEmail(c.address)).map((c) => c.address);
    expect(rejected).toEqual(NOT_DELIVERABLE_LOOKING);
    const rate = (valid.length - rejected.length) / valid.length;
    console.log(
      `isemail valid agreement: ${valid.length - rejected.length}/${valid.length} (${(rate * 100).toFixed(1)}%)`,
    );
    for (const c of valid.filter((v) => !NOT_DELIVERABLE_LOOKING.includes(v.address))) {
      const doc = parseHtml(
        `<p>Write to ${c.address} today.</p><a href="mailto:${encodeURIComponent(c.address)}">mail</a>`,
      );
      const emails = detectContacts(doc).flatMap((x) => x.emails.map((e) => normaliseEmail(e)!.key));
      expect(emails).toContain(normaliseEmail(c.address)!.key);
    }
  });

  test('every invalid address is rejected', () => {
    const accepted = invalid.filter((c) => normaliseEmail(c.address)).map((c) => c.address);
    console.log(`isemail invalid agreement: ${invalid.length - accepted.length}/${invalid.length}`);
    expect(accepted).toEqual([]);
  });
});

const LINKIFY = corpus('linkify-it/test/fixtures');

describe('linkify-it fixtures', () => {
  const dir = LINKIFY.path;
  test.runIf(LINKIFY.present)('emails in its link fixtures are found; its negatives yield nothing', () => {
    const links = readFileSync(join(dir, 'links.txt'), 'utf8').split('\n');
    const emailLines = links.filter(
      (l) => /^[^%\s].*@/.test(l) && !/^(https?|ftp|\/\/)/i.test(l) && !l.includes('://'),
    );
    let found = 0;
    const missed: string[] = [];
    for (const line of emailLines) {
      const plain = line.replace(/^mailto:/i, '');
      if (findEmailsInText(plain).length || textEmail(plain)) found++;
      else missed.push(line);
    }
    console.log(`linkify-it emails: ${found}/${emailLines.length} lines yield an address`);
    const negatives = readFileSync(join(dir, 'not_links.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('%'));
    const falsePositives = negatives.filter((l) => findEmailsInText(l).length > 0);
    expect(falsePositives).toEqual([]);
    // Deliberate misses: quoted local parts and single-label hosts are not a prospect's address.
    expect(missed.filter((l) => !l.includes('"') && !/@[a-z]+(\s|$)/i.test(l))).toEqual([]);
    expect(found).toBeGreaterThan(0);
  });
});
