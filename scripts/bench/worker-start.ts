/**
 * Where the service worker's start-up and the popup's first data go (issue #14). Stops the
 * worker, opens the popup (whose first message wakes it) and reads the marks, `--wakes` times:
 *
 * - the worker's start to `main()` (the E2E build's `background:main` mark, in ms after the
 *   worker's time origin);
 * - with `--modules` (an unminified build: `PS_PROFILE=1 PS_TEST_HOSTS=1 npx wxt build`), the
 *   bundle is copied and instrumented with a mark before each module's top-level code, and the
 *   time before main() is split: load and compile, then each module's evaluation, per package or
 *   folder (`--files`: per source file), and what the lazy initialisers run after main() (the
 *   wake's work and the popup's first messages);
 * - `--floor`: the same with a worker script of one mark and one listener (what any worker pays);
 * - the popup's navigation: response end, its script's first line (`popup:script`), data on
 *   screen (`popup:ready`), and the worker's main() for that wake; `--marks`: every mark the
 *   popup set, in the order of their medians.
 *
 * Several extension dirs are measured side by side: one browser each, their wakes alternated, so
 * that a shared machine's load falls on all of them alike.
 *
 *   npx tsx scripts/bench/worker-start.ts [extension dir …] [--wakes 10] [--modules] [--files] [--contacts 10000]
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../chromium';
import { groupOf } from '../bundle-sizes-lib';
import { instrumentBundle, median, medians, splitWake, type LazyRun, type Mark } from './worker-start-lib';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const wakes = option('--wakes', 10);
const contacts = option('--contacts', 0);
const byModule = args.includes('--modules');
const byFile = args.includes('--files');
const floor = args.includes('--floor');
// --bare: the build's worker answers no message (an experiment's script): wait for its mark only.
const bare = floor || args.includes('--bare');
const given = args.filter((a, i) => !a.startsWith('--') && !/^--(wakes|contacts)$/.test(args[i - 1] ?? ''));
const dirs = (given.length ? given : ['.output/chrome-mv3-e2e']).map((d) => resolve(d));

/** A copy of the build whose background.js is `rewrite`'s answer. */
function rewritten(dir: string, rewrite: (code: string) => string): string {
  const copy = mkdtempSync(join(tmpdir(), 'ps-worker-start-'));
  cpSync(dir, copy, { recursive: true });
  const file = join(copy, 'background.js');
  writeFileSync(file, rewrite(readFileSync(file, 'utf8')));
  return copy;
}

/** The build as measured: as is, the floor's one-line worker, or instrumented per module. */
function prepared(dir: string): string {
  // The floor: a worker whose whole script is the mark and a message listener (what any worker pays).
  if (floor)
    return rewritten(
      dir,
      () => "performance.mark('background:main'); chrome.runtime.onMessage.addListener(() => undefined);\n",
    );
  if (!byModule) return dir;
  return rewritten(dir, (original) => {
    const { code, modules, lazy } = instrumentBundle(original);
    if (!modules) throw new Error('no module heads: build with PS_PROFILE=1 (unminified)');
    console.log(`${dir}: instrumented ${modules} modules, ${lazy} lazy initialisers`);
    return code;
  });
}

interface Subject {
  dir: string;
  browser: ExtensionBrowser;
  cdp: CDPSession;
  spans: Map<string, number>[];
  rows: Record<'main' | 'origin' | 'response' | 'script' | 'ready', number[]>;
  /** Every mark the popup set (`--marks` prints them), by name. */
  marks: Record<string, number[]>;
}

/** A browser with the build loaded (and `contacts` imported), on a blank page that stops workers. */
async function open(dir: string): Promise<Subject> {
  const browser = await launchWithExtension({ extensionDir: prepared(dir) });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  if (contacts) {
    const csv = ['Email,First Name,Last Name,Job Title']
      .concat(
        Array.from({ length: contacts }, (_, i) => `k${i}@firma${i % 100}.de,Kim,Lee${i},Head of Sales`),
      )
      .join('\n');
    await page.evaluate(
      (text) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'data/import-csv', payload: { text, mode: 'valid-rows' } }),
      csv,
    );
  }
  await page.goto('about:blank');
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return {
    dir,
    browser,
    cdp,
    spans: [],
    rows: { main: [], origin: [], response: [], script: [], ready: [] },
    marks: {},
  };
}

/** The woken worker's marks, lazy-initialiser log and time origin (tried again while it attaches). */
async function workerTimes(browser: ExtensionBrowser): Promise<[Mark[], LazyRun[], number]> {
  for (let tries = 0; ; tries++) {
    const worker = browser.context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
    const read = await worker
      ?.evaluate(() => [
        performance.getEntriesByType('mark').map((m) => ({ name: m.name, startTime: m.startTime })),
        (globalThis as unknown as { __psLazyLog?: unknown[] }).__psLazyLog ?? [],
        performance.timeOrigin,
      ])
      .catch(() => undefined);
    const [marks] = (read ?? [[]]) as [Mark[]];
    if (marks.some((m) => m.name === 'background:main')) return read as [Mark[], LazyRun[], number];
    if (tries > 250) throw new Error('the woken worker never reached main()');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One wake: stop the worker, open the popup (its first message wakes the worker), read the marks. */
async function wake(subject: Subject) {
  const { browser, rows } = subject;
  await subject.cdp.send('ServiceWorker.stopAllWorkers');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  // The floor's worker answers nothing: wait for the popup's script, and for the worker.
  const waitFor = bare ? 'popup:script' : 'popup:ready';
  await popup.waitForFunction((n) => performance.getEntriesByName(n).length === 1, waitFor, {
    timeout: 30_000,
  });
  // No named helpers inside: tsx would wrap them in its __name, unknown in the page.
  const marks = await popup.evaluate(() => ({
    origin: performance.timeOrigin,
    response: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
    script: performance.getEntriesByName('popup:script')[0]!.startTime,
    ready: performance.getEntriesByName('popup:ready')[0]?.startTime ?? NaN,
    all: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as [string, number]),
  }));
  for (const [name, at] of marks.all) (subject.marks[name] ??= []).push(at);
  await popup.close();
  const [workerMarks, lazyRuns, workerOrigin] = await workerTimes(browser);
  // The worker's own marks on the popup's clock (`--marks`), named `worker <mark>`.
  for (const m of workerMarks)
    (subject.marks[`worker ${m.name}`] ??= []).push(m.startTime + workerOrigin - marks.origin);
  rows.main.push(workerMarks.find((m) => m.name === 'background:main')!.startTime);
  // Both time origins are wall-clock ms: where the worker started, on the popup's clock.
  rows.origin.push(workerOrigin - marks.origin);
  rows.response.push(marks.response);
  rows.script.push(marks.script);
  rows.ready.push(marks.ready);
  subject.spans.push(splitWake(workerMarks, lazyRuns));
}

const subjects: Subject[] = [];
for (const dir of dirs) subjects.push(await open(dir));
for (let i = 0; i < wakes; i++) for (const subject of subjects) await wake(subject);
for (const subject of subjects) await subject.browser.close();

const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(1)} (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
for (const { dir, rows, spans, marks } of subjects) {
  console.log(`\n${dir}: ${wakes} wakes, ${contacts} contacts`);
  console.log(`  worker start to main():         ${fmt(rows.main)} ms`);
  console.log(`  worker start, after popup nav:  ${fmt(rows.origin)} ms`);
  console.log(`  popup response end:             ${fmt(rows.response)} ms`);
  console.log(`  popup script's first line:      ${fmt(rows.script)} ms`);
  console.log(`  popup data on screen:           ${fmt(rows.ready)} ms`);
  if (args.includes('--marks'))
    for (const [name, at] of Object.entries(marks).sort((a, b) => median(a[1]) - median(b[1])))
      console.log(`  mark ${name.padEnd(26)} ${fmt(at)} ms`);
  if (!byModule) continue;
  console.log(`  median ms per ${byFile ? 'source file' : 'package or folder'}:`);
  for (const { key, ms } of medians(spans, byFile ? undefined : groupOf).filter((r) => r.ms >= 0.05))
    console.log(`    ${ms.toFixed(2).padStart(7)}  ${key}`);
}
