// Two checkouts' detection per chunk in one Chromium, alternated, in thread CPU time: each card
// and each paragraph of the split bench's page read on its own by `detectContacts`, every answer
// of the background learned first (no asking, no scanner). Finer than split-ab.ts's whole scans.
//
//   npx tsx scripts/bench/chunk-ab.ts <other checkout> [contacts]
//
// The other checkout needs node_modules (a symlink will do) and this tree's
// scripts/bench/chunk-entry.ts. Figures: µs of CPU per chunk, the least of 7 alternated runs.
import { build, type Plugin } from 'esbuild';
import { resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { withPages } from './split';

/** lib/contacts/checks.ts → checks-remote.ts for the detection modules; the entry keeps the tables. */
const remoteChecks = (root: string): Plugin => ({
  name: 'remote-checks',
  setup(b) {
    b.onResolve({ filter: /(^|\/)checks$/ }, (args) =>
      args.importer.endsWith('chunk-entry.ts')
        ? undefined
        : { path: resolve(root, 'lib/contacts/checks-remote.ts') },
    );
  },
});

async function bundle(root: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(root, 'scripts/bench/chunk-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    define: { 'import.meta.env.PS_TEST_HOSTS': '""' },
    tsconfig: resolve(root, 'tsconfig.json'),
    plugins: [remoteChecks(root)],
  });
  return out.outputFiles[0]!.text;
}

async function cpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
}

type Chunks = {
  load(n: number, w: boolean): Record<string, number>;
  detectAll(selector: string): number;
  CHUNKS: string[];
};

async function main(other: string, n: number) {
  const scripts = await Promise.all([resolve(other), resolve('.')].map(bundle));
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
