import 'fake-indexeddb/auto';
import { duplicatesOf, openStore, upsertContacts, type Store } from '../../lib/db';
import { contactKey } from '../../lib/contacts/key';
import { dbOf } from '../../lib/db/internal';
import { duplicateReasons } from '../../lib/contacts/duplicates';
import { suppressionHash, withoutSuppressed } from '../../lib/contacts/suppression';
import type { Contact } from '../../lib/contacts/contact';
import { median, table, type Row } from './measure';

let seq = 0;

async function seeded(n: number): Promise<Store> {
  const store = await openStore({ name: `bench-record-${n}-${++seq}` });
  const inputs = Array.from({ length: n }, (_, i) => ({
    name: `Anna${i} Berg${i % 97}`,
    company: `Firma ${i % 500} GmbH`,
    emails: [`anna.${i}@firma${i % 500}.de`],
    phones: [`+4930${1_000_000 + i}`],
  }));
  for (let i = 0; i < n; i += 1_000) await upsertContacts(store, inputs.slice(i, i + 1_000));
  return store;
}

/**
 * The record-ownership paths against what they replace: likely duplicates through the phone,
 * profile and term indexes vs comparing with every contact; a page report filtered by the
 * suppression list (SHA-256 per address) vs keying the same report.
 */
export async function recordBench(): Promise<string> {
  const rows: Row[] = [];
  for (const n of [1_000, 10_000]) {
    const store = await seeded(n);
    const me = (await dbOf(store).getAllFromIndex('contacts', 'byEmail', 'anna.7@firma7.de'))[0] as Contact;
    const indexed = await median(() => duplicatesOf(store, me));
    const scan = await median(async () => {
      const all = await dbOf(store).getAll('contacts');
      return all.filter((c) => duplicateReasons(me, c).length > 0);
    });
    rows.push({ case: `likely duplicates of one contact, ${n} contacts`, ms: indexed, baselineMs: scan });
    store.close();
  }
  let round = 0;
  const reportOf = (tag: string | number) =>
    Array.from({ length: 2_000 }, (_, i) => ({ name: `P${i}`, emails: [`p${i}.${tag}@firma${i % 50}.de`] }));
  const suppressed = new Set(
    await Promise.all(Array.from({ length: 1_000 }, async (_, i) => (await suppressionHash(`x${i}@y.de`))!)),
  );
  // Each cold call sees 2000 addresses never seen before; the warm call sees the same report again.
  const cold = await median(() => withoutSuppressed(reportOf(++round), suppressed), 3);
  const warmReport = reportOf('warm');
  const warm = await median(() => withoutSuppressed(warmReport, suppressed), 3);
  const keys = await median(() => reportOf(++round).map(contactKey), 3);
  const note = 'baseline: keying a new report of the same size (done anyway); an empty list skips the filter';
  rows.push({
    case: 'suppression filter, new page report of 2000 contacts',
    ms: cold,
    baselineMs: keys,
    note,
  });
  rows.push({ case: 'suppression filter, the same report again (rescan)', ms: warm, baselineMs: keys, note });
  return table(
    'Record ownership (fake-indexeddb in Node)',
    'compare with every contact / key the report',
    rows,
  );
}
