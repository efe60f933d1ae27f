/**
 * Median time of one call of `fn` over `runs` samples, after a warm-up, in ms. A fast call is
 * repeated until a sample lasts 20 ms and divided: page timers are coarse (0.1 ms), and so is a
 * single sub-millisecond call anywhere.
 */
export async function median(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  let reps = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) await fn();
    if (performance.now() - start >= 20 || reps >= 1 << 16) break;
    reps *= 2;
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (let k = 0; k < reps; k++) await fn();
    times.push((performance.now() - start) / reps);
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1]!;
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
