import 'fake-indexeddb/auto';
import {
  activitiesOf,
  board,
  contactByEmail,
  dueDeals,
  openStore,
  recordThreadRead,
  type Store,
} from '../../lib/db';
import { STEPS } from '../../lib/pipeline/steps';
import type { ThreadRead } from '../../lib/threads';
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
  await threadRows(rows, record);
  const growth = Object.entries(at)
    .map(([name, v]) => `${name} ${(v[10_000]! / v[1_000]!).toFixed(1)}x`)
    .join(', ');
  return `${table('Store (fake-indexeddb in Node)', 'bare idb cursor scan', rows)}Growth from 1,000 to 10,000 records (10x data): ${growth}.\n`;
}

const policy = {
  timeZone: 'Europe/Berlin',
  workingDays: (s: keyof typeof STEPS) => STEPS[s].followUpWorkingDays,
};

/** A 20-message thread with the contact of deal d0, read again and again. */
function threadOf(contactEmail: string): ThreadRead & { mailbox: { account: number } } {
  const t0 = Date.UTC(2026, 0, 5, 9);
  return {
    provider: 'gmail',
    threadId: '18c2f0a1b2c3d4e5',
    subject: 'Bench thread',
    owner: 'rep@seller.io',
    participants: [{ email: contactEmail }],
    prospectKeys: [contactEmail],
    focusKey: contactEmail,
    messages: Array.from({ length: 20 }, (_, i) => ({
      id: `m${i}`,
      at: t0 + i * 3_600_000,
      direction: i % 2 ? ('in' as const) : ('out' as const),
    })),
    mailbox: { account: 0 },
  };
}

/** Linking a re-read thread and reading a deal's timeline, with n activities stored. */
export async function threadRows(rows: Row[], record: (name: string, n: number, ms: number) => void) {
  for (const n of [1_000, 10_000]) {
    const store = await seeded(n);
    const contacts = await dbOf(store).getAll('contacts');
    const tx = dbOf(store).transaction('activities', 'readwrite');
    for (let i = 0; i < n; i++) {
      const c = contacts[i % contacts.length]!;
      void tx.store.put({
        id: `a${i}`,
        subjectId: `d${i % contacts.length}`,
        contactId: c.id,
        dealId: `d${i % contacts.length}`,
        kind: 'note',
        at: i,
        text: 'bench',
        createdAt: i,
        updatedAt: i,
        version: 1,
      });
    }
    await tx.done;
    const deal0 = await dbOf(store).get('deals', 'd0');
    const contact = contacts.find((c) => c.id === deal0!.contactId)!;
    const read = threadOf(contact.emailKeys[0]!);
    await recordThreadRead(store, read, policy);
    const rereadMs = await median(() => recordThreadRead(store, read, policy), 20);
    const scan = await median(() => cursorScan(store, 'activities', () => undefined), 3);
    rows.push({
      case: `thread re-read + link (20 messages), ${n} activities`,
      ms: rereadMs,
      baselineMs: scan,
      note: 'baseline: one pass over the activities (a dedupe without the message index)',
    });
    record('thread re-read', n, rereadMs);
    const timelineMs = await median(() => activitiesOf(store, 'd0'), 20);
    const timelineScan = await median(
      () => cursorScan(store, 'activities', (v) => void ((v as { subjectId: string }).subjectId === 'd0')),
      3,
    );
    rows.push({
      case: `deal timeline with its thread, ${n} activities`,
      ms: timelineMs,
      baselineMs: timelineScan,
      note: `${(await activitiesOf(store, 'd0')).length} on the timeline`,
    });
    record('timeline', n, timelineMs);
    store.close();
  }
}
