// Bundled by esbuild with lib/contacts/checks-remote.ts in place of checks.ts, as the content
// script is built: the page's half of detection, with the background's half answered in-page
// (timed apart) by the real checks.
import { createScanner } from '../../lib/detect';
import { forgetAnswers, learnAnswers, takeQuestions } from '../../lib/contacts/checks-remote';
import { forgetCheckedAnswers } from '../../lib/contacts/email';
import { domainInfo, possiblePhone } from '../../lib/contacts/checks';
import type { CountryCode } from 'libphonenumber-js';
import { median } from './measure';
import { loadPage } from './pages';

/** The baseline: one TreeWalker pass over the text with an e-mail regex. */
function walkWithEmailRegex(): number {
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let found = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    found += node.nodeValue!.match(email)?.length ?? 0;
  return found;
}

/**
 * A floor for any page side that honours visibility (a hidden address must never become a
 * contact): the same TreeWalker pass, keeping each text node that holds an '@' or a run of three
 * digits whose element is visible, and each visible mailto: or tel: link. No names, titles,
 * blocks or merging: what no page side can do without, with nothing else.
 */
function visibleCandidates(): number {
  const candidate = /@|\d{3}/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let found = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (candidate.test(node.nodeValue!) && node.parentElement!.checkVisibility()) found++;
  for (const link of document.querySelectorAll('a[href^="mailto:"], a[href^="tel:"]'))
    if (link.checkVisibility()) found++;
  return found;
}

/** One more first-visit scan of the page the last `split` built; resolves to the background's ms. */
let scanAgain = (): Promise<number> => Promise.reject(new Error('no page yet'));

async function split(n: number, withProse: boolean) {
  loadPage(n, withProse);
  let backgroundMs = 0;
  let asks = 0;
  let found = 0;
  // What the background does for page/checks (without the message's own cost).
  const askChecks = async () => {
    const t = performance.now();
    for (let q = takeQuestions(2_000); q; q = takeQuestions(2_000)) {
      asks++;
      learnAnswers(q, {
        domains: q.domains.map(domainInfo),
        phones: q.phones.map((p) => possiblePhone(p.text, p.region as CountryCode) ?? null),
      });
    }
    forgetCheckedAnswers();
    backgroundMs += performance.now() - t;
  };
  const scan = async () => {
    // A first visit: nothing answered yet.
    forgetAnswers();
    forgetCheckedAnswers();
    const scanner = createScanner(document, (u) => (found = u.all.length), {
      url: 'https://firma.de/',
      useLayout: true,
      askChecks,
      yieldToPage: () => Promise.resolve(),
    });
    await scanner.idle();
    scanner.stop();
  };
  // split-ab.ts times scans of the loaded page on their own (thread CPU time, no page build in it).
  scanAgain = async () => {
    backgroundMs = 0;
    await scan();
    return backgroundMs;
  };
  const runs: { total: number; background: number }[] = [];
  await scan();
  for (let i = 0; i < 3; i++) {
    backgroundMs = 0;
    const t = performance.now();
    await scan();
    runs.push({ total: performance.now() - t, background: backgroundMs });
  }
  runs.sort((a, b) => a.total - b.total);
  const mid = runs[1]!;
  const baselineMs = await median(walkWithEmailRegex, 3);
  const candidatesMs = await median(visibleCandidates, 3);
  return {
    n,
    withProse,
    found,
    asks: asks / 4,
    pageMs: mid.total - mid.background,
    wholeMs: mid.total,
    backgroundMs: mid.background,
    candidatesMs,
    baselineMs,
  };
}

(window as unknown as { __split: unknown }).__split = { split, scanAgain: () => scanAgain() };
