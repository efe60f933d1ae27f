// Bundled by scripts/bench/chunk-ab.ts with lib/contacts/checks-remote.ts in place of checks.ts
// (as the content script is built): `detectContacts` of each card or paragraph of the bench page
// on its own, every answer learned first, so the figure is the page's own work per chunk.
import { detectContacts } from '../../lib/detect/detect';
import { createVisibility } from '../../lib/detect/dom';
import { askAhead } from '../../lib/detect/ask-ahead';
import { learnAnswers, takeQuestions } from '../../lib/contacts/checks-remote';
import { domainInfo, possiblePhone } from '../../lib/contacts/checks';
import type { CountryCode } from 'libphonenumber-js';
import { loadPage } from './pages';

const OPTIONS = { url: 'https://firma.de/', region: 'DE' as const, organizations: [] };

/** Builds the bench page and answers every question its chunks ask; returns the chunk counts. */
function load(n: number, withProse: boolean): Record<string, number> {
  loadPage(n, withProse);
  const all = [...document.querySelectorAll('.card, section.text > p')];
  for (let round = 0; round < 3; round++) {
    const visibility = createVisibility(true);
    for (const chunk of all) {
      askAhead(chunk, OPTIONS.region);
      detectContacts(chunk, { ...OPTIONS, visibility });
    }
    for (let q = takeQuestions(5_000); q; q = takeQuestions(5_000))
      learnAnswers(q, {
        domains: q.domains.map(domainInfo),
        phones: q.phones.map((p) => possiblePhone(p.text, p.region as CountryCode) ?? null),
      });
  }
  return Object.fromEntries(CHUNKS.map((s) => [s, document.querySelectorAll(s).length]));
}

/** The chunks timed: the team's cards, the running-text section's paragraphs. */
const CHUNKS = ['.card', 'section.text > p'];

/** Detects every chunk matching `selector` once, as one scanner slice would (one visibility). */
function detectAll(selector: string): number {
  const visibility = createVisibility(true);
  let found = 0;
  for (const chunk of document.querySelectorAll(selector))
    found += detectContacts(chunk, { ...OPTIONS, visibility }).length;
  return found;
}

(window as unknown as { __chunks: unknown }).__chunks = { load, detectAll, CHUNKS };
