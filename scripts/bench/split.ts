import { build, type Plugin } from 'esbuild';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../chromium';
import { serveStatic } from '../static-server';
import { fmt, table } from './measure';

type Split = {
  n: number;
  withProse: boolean;
  found: number;
  asks: number;
  pageMs: number;
  wholeMs: number;
  /** The background's answers (public-suffix and phone checks) alone. */
  backgroundMs: number;
  /** The floor of any page side that honours visibility (split-entry.ts, `visibleCandidates`). */
  candidatesMs: number;
  baselineMs: number;
};

/** lib/contacts/checks.ts → checks-remote.ts for the detection modules, as wxt.config.ts builds content scripts. */
const remoteChecks = (root: string, entry: string): Plugin => ({
  name: 'remote-checks',
  setup(b) {
    // The entry itself keeps the real checks: it plays the background.
    b.onResolve({ filter: /(^|\/)checks$/ }, (args) =>
      args.importer.endsWith(entry) ? undefined : { path: resolve(root, 'lib/contacts/checks-remote.ts') },
    );
  },
});

/**
 * The bench's page script (`window.__split`): split as the content script is built, or with the
 * tables; from this tree or another checkout (`root`).
 */
export async function splitBundle(split: boolean, root = '.', entry = 'split-entry.ts'): Promise<string> {
  const out = await build({
    entryPoints: [resolve(root, 'scripts/bench', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    define: { 'import.meta.env.PS_TEST_HOSTS': '""' },
    tsconfig: resolve(root, 'tsconfig.json'),
    plugins: split ? [remoteChecks(root, entry)] : [],
  });
  return out.outputFiles[0]!.text;
}

/** Chromium with one demo-site page per script (each evaluated in its page); closed after `use`. */
export async function withPages<T>(scripts: string[], use: (pages: Page[]) => Promise<T>): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found');
  const site = await serveStatic(resolve('demo/site'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const pages: Page[] = [];
    for (const content of scripts) {
      const page = await browser.newPage();
      await page.goto(`${site.origin}/index.html`);
      await page.addScriptTag({ content });
      pages.push(page);
    }
    return await use(pages);
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Issue #14: the page's half of detection and the whole, against a TreeWalker + e-mail regex pass. */
export async function splitBench(): Promise<string> {
  const executablePath = findChromium();
  if (!executablePath) return '### Detection split in Chromium\n\nSkipped: no Chromium found.\n';
  // Split as the content script is built, and as before issue #14 (the tables in the page).
  const [split, before] = await Promise.all([splitBundle(true), splitBundle(false)]);
  return withPages([split, before], async (pages) => {
    const [splitPage, beforePage] = pages as [Page, Page];
    const run = (n: number, withProse: boolean, page = splitPage) =>
      page.evaluate(
        ([n, w]) =>
          (window as unknown as { __split: { split(n: number, w: boolean): Promise<Split> } }).__split.split(
            n,
            w,
          ),
        [n, withProse] as [number, boolean],
      );
    await run(1_000, false);
    await run(1_000, false, beforePage);
    const rows = [];
    for (const withProse of [false, true]) {
      const s = await run(10_000, withProse);
      const b = await run(10_000, withProse, beforePage);
      const kind = `${s.n} contacts, ${s.withProse ? 'with prose' : 'dense'}`;
      rows.push(
        {
          case: `${kind}: before the split (the sliced scanner with the tables in the page)`,
          ms: b.wholeMs,
          baselineMs: b.baselineMs,
          note: `${b.found} found`,
        },
        {
          case: `${kind}: page side (extraction, scanner, merge; no tables)`,
          ms: s.pageMs,
          baselineMs: s.baselineMs,
          note: `${s.found} found; ${s.asks} page/checks questions per scan`,
        },
        {
          case: `${kind}: whole (page side + the background's answers)`,
          ms: s.wholeMs,
          baselineMs: s.baselineMs,
          note: `background part ${fmt(s.wholeMs - s.pageMs)} ms`,
        },
        // What no split can go below with today's answers: the 8x for the whole is
        // reachable only if these two rows add up to less.
        {
          case: `${kind}: floor, the background's answers alone (libphonenumber, tldts)`,
          ms: s.backgroundMs,
          baselineMs: s.baselineMs,
          note: "each of the page's questions asked once",
        },
        {
          case: `${kind}: floor, a page side that only finds visible '@' / digit-run text and links`,
          ms: s.candidatesMs,
          baselineMs: s.baselineMs,
          note: 'no names, titles, blocks or merging',
        },
      );
    }
    return table(
      'Detection split in Chromium (issue #14)',
      'TreeWalker + e-mail regex over the same document',
      rows,
    );
  });
}

if (process.argv[1]?.endsWith('/split.ts')) console.log(await splitBench());
