// Two checkouts' detection per chunk in one Chromium, alternated, in thread CPU time: each card
// and each paragraph of the split bench's page read on its own by `detectContacts`, every answer
// of the background learned first (no asking, no scanner). Finer than split-ab.ts's whole scans.
//
//   npx tsx scripts/bench/chunk-ab.ts <other checkout> [contacts]
//
// The other checkout needs node_modules (a symlink will do) and this tree's
// scripts/bench/chunk-entry.ts. Figures: µs of CPU per chunk, the least of 7 alternated runs.
import { resolve } from 'node:path';
import { splitBundle, withPages } from './split';
import { cpuMs } from './split-ab';

type Chunks = {
  load(n: number, w: boolean): Record<string, number>;
  detectAll(selector: string): number;
  CHUNKS: string[];
};

async function main(other: string, n: number) {
  const scripts = await Promise.all(
    [resolve(other), resolve('.')].map((root) => splitBundle(true, root, 'chunk-entry.ts')),
  );
  await withPages(scripts, async (pages) => {
    const cdps = await Promise.all(pages.map((p) => p.context().newCDPSession(p)));
    for (const cdp of cdps) await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    for (const withProse of [false, true]) {
      const counts = await Promise.all(
        pages.map((p) =>
          p.evaluate(([n, w]) => (window as unknown as { __chunks: Chunks }).__chunks.load(n, w), [
            n,
            withProse,
          ] as [number, boolean]),
        ),
      );
      for (const selector of Object.keys(counts[0]!)) {
        const best = [Infinity, Infinity];
        for (let round = 0; round < 7; round++)
          for (let k = 0; k < 2; k++) {
            const before = await cpuMs(cdps[k]!);
            await pages[k]!.evaluate(
              (s) => (window as unknown as { __chunks: Chunks }).__chunks.detectAll(s),
              selector,
            );
            best[k] = Math.min(best[k]!, (((await cpuMs(cdps[k]!)) - before) * 1000) / counts[k]![selector]!);
          }
        const [a, b] = best as [number, number];
        console.log(
          `${withProse ? 'with prose' : 'dense'} ${selector}: ${other} ${a.toFixed(1)} µs, this tree ${b.toFixed(1)} µs CPU per chunk, ratio ${(b / a).toFixed(2)}`,
        );
      }
    }
  });
}

if (process.argv[1]?.endsWith('chunk-ab.ts')) {
  const [other, n = '10000'] = process.argv.slice(2);
  if (!other) throw new Error('usage: chunk-ab.ts <other checkout> [contacts]');
  await main(other, Number(n));
}
