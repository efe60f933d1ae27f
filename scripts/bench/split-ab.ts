// Two checkouts' page-side detection in one Chromium, alternated, in thread CPU time: what the
// split bench's wall-clock figures cannot show on a shared machine (a load of 10 moves them 3x).
//
//   npx tsx scripts/bench/split-ab.ts <other checkout> [contacts]
//
// The other checkout needs node_modules and .wxt (symlinks to this tree's will do), and this
// tree's scripts/bench/split-entry.ts (it exposes `scanAgain`). Figures: the CPU time of one
// `split()` call of the bench (the page built, four first-visit scans and the TreeWalker
// baseline), median of 3, its own page-side wall time and baseline; then the CPU time of one
// first-visit scan alone (the background's answers included), median of 5.
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { splitBundle, withPages } from './split';

/** The main thread's CPU time so far, ms (Performance.enable with threadTicks). */
export async function cpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
}

interface Timed {
  /** CPU time of the whole call. */
  cpu: number;
  /** The call's own wall-clock figures: page side (median of 3 scans) and the TreeWalker baseline. */
  pageMs: number;
  baselineMs: number;
}

async function timed(page: Page, cdp: CDPSession, n: number, withProse: boolean): Promise<Timed> {
  type Split = { split(n: number, w: boolean): Promise<{ pageMs: number; baselineMs: number }> };
  const before = await cpuMs(cdp);
  const { pageMs, baselineMs } = await page.evaluate(
    ([n, w]) => (window as unknown as { __split: Split }).__split.split(n, w),
    [n, withProse] as [number, boolean],
  );
  return { cpu: (await cpuMs(cdp)) - before, pageMs, baselineMs };
}

async function main(other: string, n: number) {
  const roots = [resolve(other), resolve('.')];
  const scripts = await Promise.all(roots.map((root) => splitBundle(true, root)));
  await withPages(scripts, async (pages) => {
    const cdps = await Promise.all(pages.map((p) => p.context().newCDPSession(p)));
    for (const cdp of cdps) await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const withProse of [false, true]) {
      const runs: Timed[][] = [[], []];
      for (let round = 0; round < 3; round++)
        for (let k = 0; k < 2; k++) runs[k]!.push(await timed(pages[k]!, cdps[k]!, n, withProse));
      // Then scans alone, of the page each tree's last call built, alternated: CPU time without the page build.
      const scans: number[][] = [[], []];
      for (let round = 0; round < 5; round++)
        for (let k = 0; k < 2; k++) {
          const before = await cpuMs(cdps[k]!);
          await pages[k]!.evaluate(() =>
            (window as unknown as { __split: { scanAgain(): Promise<number> } }).__split.scanAgain(),
          );
          scans[k]!.push((await cpuMs(cdps[k]!)) - before);
        }
      const [scanA, scanB] = scans.map(median) as [number, number];
      const of = (key: keyof Timed) => runs.map((r) => median(r.map((t) => t[key]))) as [number, number];
      const [a, b] = of('cpu');
      const [pageA, pageB] = of('pageMs');
      const [baseA, baseB] = of('baselineMs');
      console.log(
        `${withProse ? 'with prose' : 'dense'}: ${other} ${a.toFixed(0)} ms CPU, this tree ${b.toFixed(0)} ms CPU, ratio ${(b / a).toFixed(2)}; ` +
          `page side ${pageA.toFixed(0)} ms (${(pageA / baseA).toFixed(0)}x a ${baseA.toFixed(1)} ms baseline) → ` +
          `${pageB.toFixed(0)} ms (${(pageB / baseB).toFixed(0)}x a ${baseB.toFixed(1)} ms baseline); ` +
          `one scan alone (with the background's answers) ${scanA.toFixed(0)} → ${scanB.toFixed(0)} ms CPU, ratio ${(scanB / scanA).toFixed(2)}`,
      );
    }
  });
}

if (process.argv[1]?.endsWith('split-ab.ts')) {
  const [other, n = '10000'] = process.argv.slice(2);
  if (!other) throw new Error('usage: split-ab.ts <other checkout> [contacts]');
  await main(other, Number(n));
}
