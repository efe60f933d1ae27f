import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FAULTS_DIR, startRig, type Rig } from './fixtures';
import { sendFrom } from './db';
import { waitForBadges } from './badges';

/**
 * Issue #14's start-up and memory figures, measured and printed (never asserted against a time):
 * the service worker's start to main(), the popup's data on screen with 10,000 contacts and the
 * worker stopped, and the heap the extension adds to a tab with 100 contacts.
 * Results go to .test-results/thin.json and the log.
 */
const RUNS = Number(process.env.PS_THIN_RUNS ?? 10);
const figures: Record<string, unknown> = {};
let rig: Rig;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const summary = (xs: number[]) => ({
  runs: xs.length,
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
});

/** 100 people in cards, the way team pages list them: name, title, address, number. */
function teamPage(count: number): string {
  const cards = Array.from(
    { length: count },
    (_, i) =>
      `<article class="person"><h3>Kim Lee${i}</h3><p>Head of Sales</p>` +
      `<p><a href="mailto:k${i}@firma${i % 20}.de">k${i}@firma${i % 20}.de</a></p>` +
      `<p>Tel. +49 89 2180 ${String(4400 + i)}</p></article>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team</title></head><body><h1>Our team</h1>${cards}</body></html>`;
}

beforeAll(async () => {
  mkdirSync(FAULTS_DIR, { recursive: true });
  writeFileSync(join(FAULTS_DIR, 'thin-100.html'), teamPage(100));
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/thin.json', JSON.stringify(figures, null, 2));
  console.log(`thin figures: ${JSON.stringify(figures)}`);
});

/** When the running worker's main() started, in ms after its time origin (the E2E build marks it). */
async function workerMainAt(): Promise<number | undefined> {
  const worker = rig.browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
  return worker?.evaluate(() => performance.getEntriesByName('background:main')[0]?.startTime);
}

/**
 * The chunks the running worker has run (scripts/build/worker-chunks.ts): the chunked worker
 * lists them; a single-file worker has none.
 */
async function workerChunks(): Promise<string[]> {
  const worker = rig.browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
  return (
    (await worker?.evaluate(() =>
      (globalThis as { __psLoadedChunks?: () => string[] }).__psLoadedChunks?.(),
    )) ?? []
  );
}

/** Opens the popup and reads its marks: its script ran, its data was on screen (ms after navigation). */
async function popupMarks(): Promise<{ scriptAt: number; readyAt: number }> {
  const popup = await rig.browser.context.newPage();
  await popup.goto(rig.extensionUrl('popup.html'));
  await expect
    .poll(() => popup.evaluate(() => performance.getEntriesByName('popup:ready').length), { timeout: 30_000 })
    .toBe(1);
  const [scriptAt, readyAt] = await popup.evaluate(() =>
    ['popup:script', 'popup:ready'].map((n) => performance.getEntriesByName(n)[0]!.startTime),
  );
  await popup.close();
  return { scriptAt: scriptAt!, readyAt: readyAt! };
}

/** The renderer's JS heap after a full collection. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

describe('thin start-up (issue #14)', () => {
  test('service worker start to main(), and popup data on screen with 10,000 contacts and the worker stopped', async () => {
    const control = await rig.browser.context.newPage();
    await control.goto(rig.extensionUrl('options.html'));
    const csv = ['Email,First Name,Last Name,Job Title']
      .concat(Array.from({ length: 10_000 }, (_, i) => `k${i}@firma${i % 100}.de,Kim,Lee${i},Head of Sales`))
      .join('\n');
    await sendFrom(control, 'data/import-csv', { text: csv, mode: 'valid-rows' });
    // Extension pages share one renderer: a blank page drives the protocol, the options page goes.
    await control.goto('about:blank');
    const cdp = await control.context().newCDPSession(control);
    await cdp.send('ServiceWorker.enable');

    const mainAt: number[] = [];
    const ready: number[] = [];
    const script: number[] = [];
    const chunks = new Set<string>();
    for (let i = 0; i < RUNS; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      // The popup wakes the stopped worker with its first message.
      const marks = await popupMarks();
      ready.push(Math.round(marks.readyAt));
      script.push(Math.round(marks.scriptAt));
      const at = await workerMainAt();
      expect(at).toBeGreaterThan(0);
      mainAt.push(Math.round(at!));
      for (const chunk of await workerChunks()) chunks.add(chunk);
    }
    // The chunked worker: the popup's wake compiles none of the big tables and libraries that
    // only checks, fit patterns, sync or CSV need (tldts, libphonenumber, re2js, PouchDB, papaparse),
    // nor what only the text messages need (detection's word tables, the string table, templates).
    expect([...chunks].filter((c) => /worker-(checks|linear-regex|sync|csv|more|schemas)\b/.test(c))).toEqual(
      [],
    );
    expect([...chunks].some((c) => /worker-later\b/.test(c))).toBe(true);
    expect(chunks.has('background.js')).toBe(true);
    figures.chunksAtPopupWake = [...chunks].sort();
    figures.workerStartToMainMs = summary(mainAt);
    figures.popupWorkerStopped10k = { readyMs: summary(ready), scriptMs: summary(script) };
    await control.goto(rig.extensionUrl('options.html'));
    await sendFrom(control, 'data/delete-all', { confirm: 'DELETE' });
    await control.close();
  }, 600_000);

  test('heap the extension adds to a tab with 100 contacts', async () => {
    const html = teamPage(100);
    const added: number[] = [];
    for (let i = 0; i < 3; i++) {
      // The same document where no content script runs (about:blank), then where both do.
      const bare = await rig.browser.context.newPage();
      await bare.setContent(html);
      const without = await heapAfterGc(bare);
      await bare.close();
      const page = await rig.browser.context.newPage();
      await page.goto(`${rig.site.origin}/faults/thin-100.html`);
      await waitForBadges(page, (b) => b.length >= 100, 30_000);
      const withExtension = await heapAfterGc(page);
      await page.close();
      added.push(Math.round((withExtension - without) / 1024));
    }
    figures.heapAddedKiB = summary(added);
  }, 300_000);
});
