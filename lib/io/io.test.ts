import { describe, expect, test } from 'vitest';
import { openTestStore } from '../db/test-store';
import { createDeal, upsertContact, addActivity, putSetting, countContacts, updateDeal } from '../db';
import { advance } from '../pipeline/deal';
import { createBackup, deleteEverything, planRestore, restoreBackup } from './backup';
import { exportCsv, guessMapping, parseCsv, EXPORT_COLUMNS } from './csv';
import { importCsv } from './import';

async function seeded() {
  const store = await openTestStore();
  const { contact } = await upsertContact(store, {
    name: 'Jane Doe',
    emails: ['jane@acme.io'],
    company: 'Acme',
  });
  const deal = await createDeal(store, { contactId: contact.id, title: 'Conveyors', fitConfirmed: true });
  await addActivity(store, { contactId: contact.id, dealId: deal.id, kind: 'email', text: 'Intro' });
  await putSetting(store, 'locale', 'de');
  return { store, contact, deal };
}

describe('JSON backup', () => {
  test('backup, delete everything, restore: identical data', async () => {
    const { store } = await seeded();
    const backup = await createBackup(store);
    expect(backup.counts).toEqual({ contacts: 1, deals: 1, activities: 1, settings: 1, threads: 0 });
    const json = JSON.stringify(backup);
    await deleteEverything(store);
    expect(await countContacts(store)).toBe(0);
    const plan = await planRestore(store, json);
    expect(plan.summary.contacts).toEqual({ add: 1, replace: 0, remove: 0 });
    await restoreBackup(store, plan);
    const again = await createBackup(store);
    expect(again.data).toEqual(backup.data);
    expect(again.checksum).toBe(backup.checksum);
  });

  test.each([
    ['not JSON', () => '{"format":'],
    ['a foreign file', () => JSON.stringify({ hello: 'world' })],
    ['a changed record', (j: string) => j.replace('Jane Doe', 'Jane Evil')],
    ['a wrong count', (j: string) => j.replace('"contacts":1', '"contacts":2')],
    [
      'an extra key',
      (j: string) => j.replace('"name":"Jane Doe"', '"name":"Jane Doe","__proto__":{"admin":true}'),
    ],
    ['an unknown step', (j: string) => j.replace(/"step":"initiate"/, '"step":"closing"')],
  ])('%s is refused and changes nothing', async (_label, corrupt) => {
    const { store } = await seeded();
    const json = JSON.stringify(await createBackup(store));
    await upsertContact(store, { name: 'Kept', emails: ['kept@beta.io'] });
    await expect(planRestore(store, corrupt(json))).rejects.toMatchObject({ code: 'invalid' });
    expect(await countContacts(store)).toBe(2);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('CSV', () => {
  test('export uses HubSpot/Pipedrive columns and defuses formulas; it maps back on import', async () => {
    const { store, contact } = await seeded();
    const deal = await createDeal(store, { contactId: contact.id, title: 'Second', fitConfirmed: true });
    const moved = await updateDeal(store, deal.id, deal.version, (d, now) =>
      advance(d, now, { override: 'x' }),
    );
    const evil = { ...contact, name: '=HYPERLINK("http://evil")', notes: '+cmd' };
    const csv = exportCsv([contact, evil], () => moved);
    const parsed = parseCsv(csv);
    expect(parsed.headers).toEqual([...EXPORT_COLUMNS]);
    expect(parsed.rows[0]?.cells.slice(0, 5)).toEqual(['Jane', 'Doe', 'Jane Doe', 'jane@acme.io', '']);
    expect(parsed.rows[0]?.cells[9]).toBe('Discover needs');
    expect(parsed.rows[1]?.cells[2]).toBe(`'=HYPERLINK("http://evil")`);
    expect(guessMapping(parsed.headers).slice(0, 8)).toEqual([
      'firstName',
      'lastName',
      'name',
      'email',
      'phone',
      'title',
      'company',
      'companyDomain',
    ]);
  });

  test('10,000 rows with 3 broken: reported by line; all-or-nothing writes nothing, valid-rows the rest', async () => {
    const lines = ['Vorname,Nachname,E-Mail,Telefon,Firma'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`Anna${i},Schmidt,anna${i}@firma${i % 50}.de,030 1234${i % 10}67,Firma ${i % 50}`);
    lines[101] = 'Broken,Row,not-an-email,,X';
    lines[5001] = 'Too,Few';
    lines[9001] = ',,,030 1234567,Nobody GmbH';
    const text = lines.join('\n');
    const store = await openTestStore();
    const strict = await importCsv(store, text, { mode: 'all-or-nothing', region: 'DE' });
    expect(strict.written).toBe(false);
    expect(strict.errors.map((e) => e.line).sort((a, b) => a - b)).toEqual([102, 5002, 9002]);
    expect(await countContacts(store)).toBe(0);
    const lenient = await importCsv(store, text, { mode: 'valid-rows', region: 'DE' });
    expect(lenient).toMatchObject({ created: 9_997, merged: 0, written: true });
    const rerun = await importCsv(store, text, { mode: 'valid-rows', region: 'DE' });
    expect(rerun).toMatchObject({ created: 0, merged: 9_997 });
    expect(await countContacts(store)).toBe(9_997);
  });

  test('duplicate emails differing in case collapse into one contact', async () => {
    const store = await openTestStore();
    const report = await importCsv(store, 'Email,Name\njane@acme.io,Jane\nJANE@ACME.IO,Jane D', {
      mode: 'all-or-nothing',
    });
    expect(report).toMatchObject({ created: 1, merged: 1 });
  });

  test('a CSV with no usable column is refused with a clear message', async () => {
    const store = await openTestStore();
    const report = await importCsv(store, 'foo,bar\n1,2', { mode: 'valid-rows' });
    expect(report.errors[0]?.message).toMatch(/Email or Name/);
  });
});
