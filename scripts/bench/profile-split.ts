// Where the split bench's scan spends its time: a CPU profile of one 10,000-card scan in Chromium,
// summed per function (self and inclusive ms). `npx tsx scripts/bench/profile-split.ts [prose]`;
// the raw profile goes to /tmp (open it in Chrome DevTools).
import { writeFileSync } from 'node:fs';
import { splitBundle, withPages } from './split';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and inclusive microseconds per function (name and bundle line), largest first. */
export function perFunction(profile: Profile): { self: [string, number][]; inclusive: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const spent = new Map<number, number>();
  profile.samples.forEach((id, i) => spent.set(id, (spent.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of spent) {
    const key = label(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const k = label(byId.get(x)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), inclusive: sorted(inclusive) };
}

async function main(withProse: boolean) {
  await withPages([await splitBundle(true)], async (pages) => {
    const page = pages[0]!;
    type Split = { split(n: number, w: boolean): Promise<unknown> };
    const run = (n: number) =>
      page.evaluate(([n, w]) => (window as unknown as { __split: Split }).__split.split(n, w), [
        n,
        withProse,
      ] as [number, boolean]);
    await run(1_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    console.log(JSON.stringify(await run(10_000)));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const file = `/tmp/split-${withProse ? 'prose' : 'dense'}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    const { self, inclusive } = perFunction(profile);
    const show = (rows: [string, number][]) =>
      rows
        .slice(0, 40)
        .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ${k}`)
        .join('\n');
    console.log(`profile: ${file}\n--- self ms\n${show(self)}\n--- inclusive ms\n${show(inclusive)}`);
  });
}

if (process.argv[1]?.endsWith('profile-split.ts')) await main(process.argv[2] === 'prose');
