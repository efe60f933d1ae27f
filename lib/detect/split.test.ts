import { describe, expect, test, vi } from 'vitest';
import { parseHtml } from '../../cli/parse-html';
import { detectionPages } from '../../tests/detection-pages';
import { CASES } from '../../tests/fixtures/webmail/conformance/cases';
import * as local from './index';
import * as localMail from '../webmail';
import { domainInfo, possiblePhone } from '../contacts/checks';
import type { CountryCode } from 'libphonenumber-js';
import type { DetectedContact } from './types';
import { cardHtml } from '../../scripts/bench/pages';

/**
 * The content script detects with the background's answers (lib/contacts/checks-remote.ts in
 * place of checks.ts); everything else runs here with the tables at hand. Both must find exactly
 * the same contacts, in the same order, on every fixture and corpus page: this test loads the
 * detection modules a second time with the remote checks, answers their questions as the
 * background does, and compares.
 */
async function remoteModules() {
  vi.resetModules();
  vi.doMock('../contacts/checks', () => import('../contacts/checks-remote'));
  const remote = await import('../contacts/checks-remote');
  const detect = await import('./index');
  const mail = await import('../webmail');
  const email = await import('../contacts/email');
  const { withAnswers } = await import('../contacts/answers');
  vi.doUnmock('../contacts/checks');
  let asked = 0;
  // What entrypoints/content/checks.ts does with page/checks; the background answers with checks.ts.
  const ask = async () => {
    for (let q = remote.takeQuestions(500); q; q = remote.takeQuestions(500)) {
      asked++;
      remote.learnAnswers(q, {
        domains: q.domains.map(domainInfo),
        phones: q.phones.map((p) => possiblePhone(p.text, p.region as CountryCode) ?? null),
      });
    }
    email.forgetCheckedAnswers();
  };
  return { detect, mail, withAnswers, ask, asked: () => asked, unchecked: remote.uncheckedAnswers };
}

/** A contact as data: its evidence elements by their position in the document. */
function plain(contacts: DetectedContact[], doc: Document) {
  const all = [...doc.getElementsByTagName('*')];
  return contacts.map((c) => ({
    ...c,
    evidence: c.evidence.map((e) => ({ ...e, element: e.element ? all.indexOf(e.element) : -1 })),
  }));
}

describe('detection with the background answering = detection with local tables', () => {
  const all = detectionPages();

  test('covers the fixtures and the corpora present', () => {
    expect(all.filter((p) => p.name.startsWith('tests/fixtures/people')).length).toBeGreaterThanOrEqual(50);
  });

  test('every page: whole-document detection and the sliced scanner', async () => {
    const remote = await remoteModules();
    const differences: string[] = [];
    for (const page of all) {
      const doc = parseHtml(page.html, page.url);
      const options = { url: page.url, browserLocale: 'en-US' };
      const expected = plain(local.detectContacts(doc, options), doc);
      const actual = plain(
        await remote.withAnswers(() => remote.detect.detectContacts(doc, options), remote.ask),
        doc,
      );
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        differences.push(`${page.name} (whole document)`);

      const scan = async (mod: typeof local, askChecks?: () => Promise<void>) => {
        const scanner = mod.createScanner(doc, () => undefined, {
          ...options,
          askChecks,
          yieldToPage: () => Promise.resolve(),
          sliceMs: 2,
        });
        await scanner.idle();
        return { contacts: plain(scanner.contacts(), doc), stats: scanner.stats };
      };
      const before = await scan(local);
      const after = await scan(remote.detect, remote.ask);
      if (JSON.stringify(after.contacts) !== JSON.stringify(before.contacts))
        differences.push(`${page.name} (scanner)`);
      expect(after.stats.unanswered).toBe(0);
    }
    expect(differences).toEqual([]);
    // The remote build really asked (and the local one never needs to).
    expect(remote.asked()).toBeGreaterThan(all.length / 2);
    expect(remote.unchecked()).toBeGreaterThan(0);
  });

  test('the scanner reads each chunk once: a chunk not asked about ahead waits for its questions', async () => {
    const remote = await remoteModules();
    const doc = parseHtml(
      `<html><body><section>${Array.from({ length: 600 }, (_, i) => cardHtml(i)).join('')}</section></body></html>`,
      'https://firma.de/',
    );
    const scanner = remote.detect.createScanner(doc, () => undefined, {
      url: 'https://firma.de/',
      askChecks: remote.ask,
      yieldToPage: () => Promise.resolve(),
      sliceMs: 4,
    });
    await scanner.idle();
    expect(scanner.contacts()).toHaveLength(600);
    expect(scanner.stats.chunks).toBe(600);
    expect(scanner.stats.reads).toBe(600);
    expect(scanner.stats.unanswered).toBe(0);
  });

  test('every webmail conformance case: the mail view and its contacts', async () => {
    const remote = await remoteModules();
    const differences: string[] = [];
    for (const c of CASES) {
      const doc = parseHtml(c.html, c.url);
      const read = (mail: typeof localMail) => {
        const view = mail.readMailView(doc, c.url, { region: c.region });
        return JSON.stringify([view ? mail.mailViewJson(view) : null, view ? mail.mailContacts(view) : []]);
      };
      const expected = read(localMail);
      const actual = await remote.withAnswers(() => read(remote.mail), remote.ask);
      if (actual !== expected) differences.push(c.name);
    }
    expect(differences).toEqual([]);
    expect(remote.asked()).toBeGreaterThan(0);
  });
});
