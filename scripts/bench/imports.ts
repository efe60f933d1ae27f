import 'fake-indexeddb/auto';
import { openStore, upsertContacts } from '../../lib/db';
import { dbOf } from '../../lib/db/internal';
import { importCsv } from '../../lib/io/import';
import { mapRows, guessMapping, parseCsv } from '../../lib/io/csv';
import { table, type Row } from './measure';
import { csvOf } from './store';

let seq = 0;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-GB')} rows/s`;

/**
 * The chunked, resumable import (a job: staged, then one transaction per CHUNK_ROWS rows) against a
 * bare `put` loop of the same finished records in one transaction, and against the import as it
 * was before jobs (every row upserted in one transaction). One run each: 100,000 rows take long.
 */
export async function importBench(): Promise<string> {
  const rows: Row[] = [];
  for (const n of [10_000, 100_000]) {
    const csv = csvOf(n);
    const target = await openStore({ name: `bench-job-${n}-${++seq}` });
    const jobMs = await timed(() => importCsv(target, csv, { mode: 'valid-rows' }));
    const records = await dbOf(target).getAll('contacts');
    target.close();
    const bare = await openStore({ name: `bench-put-${n}-${++seq}` });
    const bareMs = await timed(async () => {
      const tx = dbOf(bare).transaction('contacts', 'readwrite');
      for (const r of records) void tx.store.put(r);
      await tx.done;
    });
    bare.close();
    const single = await openStore({ name: `bench-one-tx-${n}-${++seq}` });
    const singleMs = await timed(async () => {
      const parsed = parseCsv(csv);
      const { inputs } = mapRows(parsed, guessMapping(parsed.headers));
      await upsertContacts(
        single,
        inputs.map((i) => i.input),
      );
    });
    single.close();
    rows.push({
      case: `CSV import as a chunked job, ${n.toLocaleString('en-GB')} rows`,
      ms: jobMs,
      baselineMs: bareMs,
      note: `${rate(n, jobMs)}; bare put loop ${rate(n, bareMs)}; one-transaction upsert (before jobs) ${rate(n, singleMs)}`,
    });
  }
  return table('Imports (fake-indexeddb in Node)', 'bare put loop, one transaction', rows);
}

if (process.argv[1]?.endsWith('imports.ts')) console.log(await importBench());
