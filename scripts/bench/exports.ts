import 'fake-indexeddb/auto';
import { openStore, readSnapshot } from '../../lib/db';
import { dbOf } from '../../lib/db/internal';
import { STORE_NAMES } from '../../lib/db/schema';
import { importCsv } from '../../lib/io/import';
import { median, table, type Row } from './measure';
import { csvOf } from './store';

let seq = 0;

/**
 * The backup's read (#23): every store in pages of 2,000 records inside one transaction (bounded
 * requests, progress after each, cancel between two) against one getAll per store in one
 * transaction, the read it replaced. The same snapshot either way.
 */
export async function exportBench(): Promise<string> {
  const rows: Row[] = [];
  for (const n of [10_000, 50_000]) {
    const store = await openStore({ name: `bench-export-${n}-${++seq}` });
    await importCsv(store, csvOf(n), { mode: 'valid-rows' });
    const wholeMs = await median(async () => {
      const tx = dbOf(store).transaction([...STORE_NAMES]);
      await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).getAll()));
    }, 3);
    const pagedMs = await median(() => readSnapshot(store, { progress: () => undefined }), 3);
    store.close();
    rows.push({
      case: `backup read in pages, ${n.toLocaleString('en-GB')} contacts`,
      ms: pagedMs,
      baselineMs: wholeMs,
      note: `${Math.ceil(n / 2_000)} pages of contacts, progress and a cancel check after each`,
    });
  }
  return table('Backup and export reads (fake-indexeddb in Node)', 'one getAll per store', rows);
}

if (process.argv[1]?.endsWith('exports.ts')) console.log(await exportBench());
