import { build } from 'esbuild';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../chromium';
import { serveStatic } from '../static-server';
import { fmt, table } from './measure';

type Bench = {
  detection(
    n: number,
    withProse: boolean,
  ): Promise<{
    n: number;
    withProse: boolean;
    bytes: number;
    found: number;
    fullMs: number;
    baselineMs: number;
    longestSliceMs: number;
    mutationMs: number;
    scannerCount: number;
  }>;
  probe(paragraphs: number): Promise<{ bytes: number; ms: number; baselineMs: number; signal: boolean }>;
  webmail(m: number): Promise<{ messages: number; fullMs: number; baselineMs: number; oneNewMs: number }>;
  boardRender(n: number): Promise<{ n: number; ms: number; baselineMs: number; rendered: number }>;
};

export async function browserBench(): Promise<string> {
  const executablePath = findChromium();
  if (!executablePath) return '### In Chromium\n\nSkipped: no Chromium found.\n';
  const bundle = await build({
    entryPoints: [resolve('scripts/bench/browser-entry.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'empty' },
    define: { 'import.meta.env.PS_TEST_HOSTS': '""' },
    tsconfig: resolve('tsconfig.json'),
  });
  const site = await serveStatic(resolve('demo/site'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/index.html`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const run = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>): ReturnType<Bench[K]> =>
      page.evaluate(
        ([n, a]) =>
          (window as unknown as { __bench: Record<string, (...x: unknown[]) => Promise<unknown>> }).__bench[
            n
          ]!(...a),
        [name as string, args] as [string, unknown[]],
      ) as ReturnType<Bench[K]>;

    // Dense pages (contacts and nothing else) and pages of the size: about 1 KB of
    // ordinary prose around each contact, 10 MB at 10,000 contacts.
    // One unrecorded pass first, so the first row does not carry the JIT's warm-up.
    await run('detection', 1_000, true);
    const det: Awaited<ReturnType<Bench['detection']>>[] = [];
    for (const withProse of [false, true])
      for (const n of [100, 1_000, 10_000]) det.push(await run('detection', n, withProse));
    const detRows = det.map((d) => ({
      case: `${d.n} contacts, ${d.withProse ? 'with prose' : 'dense'} (${(d.bytes / 1e6).toFixed(1)} MB HTML), full scan`,
      ms: d.fullMs,
      baselineMs: d.baselineMs,
      note: `${d.found} found; longest scanner slice ${fmt(d.longestSliceMs)} ms; rescan after a 10-node mutation ${fmt(d.mutationMs)} ms`,
    }));
    const growth = (i: number) => (det[i + 2]!.fullMs / det[i + 1]!.fullMs).toFixed(1);
    const mutationGrowth = (i: number) => (det[i + 2]!.mutationMs / det[i]!.mutationMs).toFixed(1);

    const probes = [];
    for (const n of [1_000, 10_000]) probes.push(await run('probe', n));
    const probeRows = probes.map((p) => ({
      case: `article without people (${(p.bytes / 1e6).toFixed(1)} MB HTML): the probe`,
      ms: p.ms,
      baselineMs: p.baselineMs,
      note: p.signal ? 'WRONG: found a signal' : 'no signal, so the scanner is never loaded',
    }));

    const mail = [];
    await run('webmail', 100);
    for (const m of [10, 100]) mail.push(await run('webmail', m));
    const mailRows = mail.map((w) => ({
      case: `Gmail thread of ${w.messages} messages: read + chips`,
      ms: w.fullMs,
      baselineMs: w.baselineMs,
      note: `one new message: ${fmt(w.oneNewMs)} ms`,
    }));
    const board = await run('boardRender', 10_000);
    return [
      table('Detection in Chromium', "TreeWalker over the same document's text nodes", detRows),
      `Growth of a full scan from 1,000 to 10,000 contacts (10x): ${growth(0)}x dense, ${growth(3)}x with prose. Rescan after a 10-node mutation, 10,000- vs 100-contact page: ${mutationGrowth(0)}x dense, ${mutationGrowth(3)}x with prose.`,
      '',
      table(
        'Pages without people in Chromium (what most granted sites cost)',
        "TreeWalker over the same document's text nodes",
        probeRows,
      ),
      '',
      table('Webmail in Chromium', "bare querySelectorAll('[email]')", mailRows),
      `One new message in a 100- vs 10-message thread: ${(mail[1]!.oneNewMs / mail[0]!.oneNewMs).toFixed(1)}x.`,
      '',
      table('Sidebar board in Chromium (Preact)', 'the same number of plain rows', [
        {
          case: `board with ${board.n} deals (${board.rendered} cards drawn, 200 per step)`,
          ms: board.ms,
          baselineMs: board.baselineMs,
        },
      ]),
    ].join('\n');
  } finally {
    await browser.close();
    await site.close();
  }
}
