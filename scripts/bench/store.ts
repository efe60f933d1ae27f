import 'fake-indexeddb/auto';
import { board, contactByEmail, dueDeals, openStore, type Store } from '../../lib/db';
import { stored } from '../../lib/db/deals';
import { dbOf } from '../../lib/db/internal';
import { createBackup } from '../../lib/io/backup';
import { importCsv } from '../../lib/io/import';
import { startDeal, advance } from '../../lib/pipeline';
import { median, table, type Row } from './measure';

let seq = 0;
/** A CRM export of `n` people (the import benches share it). */
export function csvOf(n: number): string {
  const lines = ['First Name,Last Name,Email,Phone Number,Job Title,Company Name'];
  for (let i = 0; i < n; i++)
    lines.push(
      `Anna${i},Berg${i % 97},anna.${i}@firma${i % 500}.de,+49 30 ${1000000 + i},Head of Sales,Firma ${i % 500} GmbH`,
    );
  return lines.join('\n');
}

// Baselines measure the bare database: the bench reaches past the repositories on purpose.
async function seeded(n: number): Promise<Store> {
  const store = await openStore({ name: `bench-${n}-${++seq}` });
  await importCsv(store, csvOf(n), { mode: 'valid-rows' });
  const contacts = await dbOf(store).getAll('contacts');
  const tx = dbOf(store).transaction('deals', 'readwrite');
  const t0 = Date.UTC(2026, 0, 1);
  contacts.forEach((c, i) => {
    let deal = startDeal({
      id: `d${i}`,
      contactId: c.id,
      title: `Deal ${i}`,
      now: t0 + i * 60_000,
      fitConfirmed: true,
    });
    for (let k = 0; k < i % 8; k++) deal = advance(deal, t0 + i * 60_000 + k, { override: 'bench' });
    void tx.store.put(stored(deal));
  });
  await tx.done;
  return store;
}

async function cursorScan(
  store: Store,
  name: 'contacts' | 'deals' | 'activities' | 'settings',
  visit: (v: unknown) => boolean | void,
) {
  let cursor = await dbOf(store).transaction(name).store.openCursor();
  while (cursor) {
    if (visit(cursor.value) === true) return;
    cursor = await cursor.continue();
  }
}

export async function storeBench(): Promise<string> {
  const rows: Row[] = [];
  const at: Record<string, Record<number, number>> = {};
  const record = (name: string, n: number, ms: number) => ((at[name] ??= {})[n] = ms);
  for (const n of [1_000, 10_000]) {
    const csv = csvOf(n);
    const importMs = await median(async () => {
      const s = await openStore({ name: `bench-import-${n}-${++seq}` });
      await importCsv(s, csv, { mode: 'valid-rows' });
      s.close();
    }, 2);
    const store = await seeded(n);
    const contacts = await dbOf(store).getAll('contacts');
    const bareWriteMs = await median(async () => {
      const s = await openStore({ name: `bench-bare-${n}-${++seq}` });
      const tx = dbOf(s).transaction('contacts', 'readwrite');
      contacts.forEach((c) => void tx.store.put({ ...c, id: `x${c.id}` }));
      await tx.done;
      s.close();
    }, 2);
    rows.push({
      case: `CSV import, ${n} rows`,
      ms: importMs,
      baselineMs: bareWriteMs,
      note: 'baseline: bare put of the same records in one transaction',
    });
    record('import', n, importMs);

    const target = `anna.${n - 7}@firma${(n - 7) % 500}.de`;
    const lookupMs = await median(() => contactByEmail(store, target), 20);
    const lookupScan = await median(
      () => cursorScan(store, 'contacts', (v) => (v as { emailKeys: string[] }).emailKeys.includes(target)),
      3,
    );
    rows.push({ case: `lookup by email, ${n} contacts`, ms: lookupMs, baselineMs: lookupScan });
    record('lookup', n, lookupMs);

    // A tenth of the deals are due, whatever the size.
    const dues = (await dbOf(store).getAllKeysFromIndex('deals', 'byDue')).length
      ? (await dbOf(store).getAll('deals')).map((d) => d.dueAt ?? Infinity).sort((a, b) => a - b)
      : [];
    const until = dues[Math.floor(dues.length / 10)] ?? 0;
    const dueMs = await median(() => dueDeals(store, until, 100_000), 5);
    const dueCount = (await dueDeals(store, until, 100_000)).length;
    const dueScan = await median(
      () => cursorScan(store, 'deals', (v) => void ((v as { dueAt?: number }).dueAt! <= until)),
      3,
    );
    rows.push({
      case: `due next steps, ${n} deals`,
      ms: dueMs,
      baselineMs: dueScan,
      note: `${dueCount} due (a tenth)`,
    });
    record('due', n, dueMs);

    const boardMs = await median(() => board(store), 3);
    const boardScan = await median(() => {
      const groups = new Map<string, unknown[]>();
      return cursorScan(store, 'deals', (v) => {
        const d = v as { step: string };
        groups.set(d.step, [...(groups.get(d.step) ?? []), d]);
      });
    }, 3);
    rows.push({ case: `board (deals by step), ${n} deals`, ms: boardMs, baselineMs: boardScan });
    record('board', n, boardMs);

    const backupMs = await median(() => createBackup(store), 3);
    const backupScan = await median(async () => {
      for (const name of ['contacts', 'deals', 'activities', 'settings'] as const)
        await cursorScan(store, name, () => undefined);
    }, 3);
    rows.push({
      case: `full backup, ${n}+${n} records`,
      ms: backupMs,
      baselineMs: backupScan,
      note: 'includes SHA-256 checksum',
    });
    record('backup', n, backupMs);
    store.close();
  }
  const growth = Object.entries(at)
    .map(([name, v]) => `${name} ${(v[10_000]! / v[1_000]!).toFixed(1)}x`)
    .join(', ');
  return `${table('Store (fake-indexeddb in Node)', 'bare idb cursor scan', rows)}Growth from 1,000 to 10,000 records (10x data): ${growth}.\n`;
}
