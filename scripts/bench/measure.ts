/** Median wall time of `fn` over `runs` runs (after one warm-up), in ms. */
export async function median(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface Row {
  case: string;
  ms: number;
  baselineMs: number;
  note?: string;
}

export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3));

export function table(title: string, baseline: string, rows: Row[]): string {
  const lines = [
    `### ${title}`,
    '',
    `| case | ms | baseline (${baseline}) ms | ratio | note |`,
    '|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${fmt(r.ms)} | ${fmt(r.baselineMs)} | ${(r.ms / r.baselineMs).toFixed(2)}x | ${r.note ?? ''} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
