import { testContact } from '../contacts/test-contact';
import { describe, expect, test } from 'vitest';
import { openTestStore, storedContacts } from '../db/test-store';
import { upsertContacts } from '../db';
import { CONTACT_LIMITS } from '../contacts/limits';
import { createBackup, deleteEverything, planRestore, restoreBackup, checksumOf } from './backup';
import { exportCsv } from './csv';
import { importCsv } from './import';
import { parseVCards } from './vcard';
import type { Contact } from '../contacts/contact';

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/;

describe('one set of limits for every write path', () => {
  test('a backup of CSV-imported data (250 tags, a 2,100-character website) restores', async () => {
    const store = await openTestStore();
    const tags = Array.from({ length: 250 }, (_, i) => `tag${i}`).join(';');
    const website = `https://acme.de/${'x'.repeat(2_080)}`;
    const csv = `Email,Full Name,Tags,Website\r\nbig@acme.de,Big Import,"${tags}",${website}\r\n`;
    const report = await importCsv(store, csv, { mode: 'all-or-nothing' });
    expect(report).toMatchObject({ created: 1, errors: [] });
    const before = await storedContacts(store);
    expect(before[0]!.tags.length).toBeLessThanOrEqual(CONTACT_LIMITS.tags);
    const json = JSON.stringify(await createBackup(store));
    await deleteEverything(store);
    await restoreBackup(store, await planRestore(store, json));
    expect(await storedContacts(store)).toEqual(before);
  });

  test('bidi controls are stripped on the CSV, vCard and direct paths', async () => {
    const store = await openTestStore();
    await importCsv(
      store,
      'Email,Full Name,Job Title\r\na@firma.de,\u202Egnp.exe\u202C Eve,CEO\u2066x\u2069\r\n',
      {
        mode: 'all-or-nothing',
      },
    );
    const card = parseVCards(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mal\u202Elory\r\nEMAIL:b@firma.de\r\nEND:VCARD\r\n',
    );
    await upsertContacts(store, card.contacts);
    await upsertContacts(store, [{ name: 'Zoe\u200F', emails: ['c@firma.de'], tags: ['\u202Dvip'] }]);
    const stored = await storedContacts(store);
    expect(stored).toHaveLength(3);
    for (const c of stored) expect(JSON.stringify([c.name, c.title, c.tags]), c.name).not.toMatch(BIDI);
  });

  test('an older-schema backup (version 1, no search terms) is migrated on restore, not refused', async () => {
    const store = await openTestStore();
    const contact = {
      id: 'c1',
      name: 'Old Timer',
      emails: ['old@acme.de'],
      emailKeys: ['old@acme.de'],
      phones: [],
      profiles: [],
      tags: Array.from({ length: 230 }, (_, i) => `t${i}`),
      role: false,
      sources: [],
      notes: '',
      createdAt: 1,
      updatedAt: 1,
      version: 1,
    };
    const data = { contacts: [contact], deals: [], activities: [], settings: [] };
    const backup = {
      format: 'pipeline-scout-backup',
      schemaVersion: 1,
      exportedAt: new Date(0).toISOString(),
      counts: { contacts: 1, deals: 0, activities: 0, settings: 0 },
      checksum: await checksumOf(data),
      data,
    };
    const plan = await planRestore(store, JSON.stringify(backup));
    await restoreBackup(store, plan);
    const [restored] = await storedContacts(store);
    expect(restored).toMatchObject({ id: 'c1', name: 'Old Timer' });
    expect(restored!.searchTerms).toContain('timer');
    expect(restored!.tags).toHaveLength(CONTACT_LIMITS.tags);
  });
});

describe('CSV export defuses formulas', () => {
  const contact = (name: string): Contact => testContact({ name });
  test.each([
    '=1+1',
    '+1',
    '-1',
    '@SUM(A1)',
    '|calc',
    '\uFF1D1+1',
    '\uFF0B1',
    '\uFF0D1',
    '\uFF20SUM(A1)',
    '\u200B=1+1',
    '\uFEFF+1',
    '\t=1',
    '\r=1',
  ])('%j is exported as text', (value) => {
    const csv = exportCsv([contact(value)], () => undefined);
    const cell = csv.split('\r\n')[1]!.split(',')[2]!.replace(/^"|"$/g, '');
    expect(cell.startsWith("'")).toBe(true);
  });
  test('ordinary text is left alone', () => {
    const csv = exportCsv([contact('Jane Doe')], () => undefined);
    expect(csv.split('\r\n')[1]!.split(',')[2]).toBe('Jane Doe');
  });
});
