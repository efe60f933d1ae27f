import { describe, expect, test } from 'vitest';
import { cleanFileName, importSource, MAX_FILE_NAME, withImportSource } from './import-source';
import { importCsv } from './import';
import { openTestStore, storedContacts } from '../db/test-store';
import { getContact, upsertContact } from '../db/contacts';
import { provenanceOf } from '../contacts/provenance';

const AT = Date.UTC(2026, 10, 20, 9);

describe('import provenance', () => {
  test('every row gets the import (kind, file, date) as a whole-contact source, after its own', () => {
    const rows = withImportSource(
      [
        { name: 'Jana', emails: ['jana@acme.de'] },
        { name: 'Tom', sources: [{ url: 'https://acme.de', seenAt: 1, detector: 'card', field: 'name' }] },
      ],
      { kind: 'csv', file: 'leads-2026.csv', at: AT },
    );
    const source = { url: 'leads-2026.csv', seenAt: AT, detector: 'import-csv', field: 'contact' };
    expect(rows[0]).toEqual({ name: 'Jana', emails: ['jana@acme.de'], sources: [source] });
    expect(rows[1]!.sources).toEqual([
      { url: 'https://acme.de', seenAt: 1, detector: 'card', field: 'name' },
      source,
    ]);
  });

  test('a file name keeps no path, control characters or excess length; none is empty', () => {
    expect(cleanFileName('C:\\Users\\rep\\Downloads\\kontakte.vcf')).toBe('kontakte.vcf');
    expect(cleanFileName('/home/rep/a\u0000b\nc.csv')).toBe('abc.csv');
    expect(cleanFileName('x'.repeat(500))).toHaveLength(MAX_FILE_NAME);
    expect(cleanFileName(undefined)).toBe('');
    expect(importSource({ kind: 'vcard', at: AT })).toEqual({
      url: '',
      seenAt: AT,
      detector: 'import-vcard',
      field: 'contact',
    });
  });
});

describe('an import records itself as the source of what it brings', () => {
  test('CSV: every imported field is "from an import (file, date)"; a detected contact it merges into keeps its page', async () => {
    const store = await openTestStore(AT);
    const { contact: seen } = await upsertContact(store, {
      name: 'Tom Berg',
      emails: ['tom@acme.de'],
      title: 'CFO',
      sources: [{ url: 'https://acme.de/team', seenAt: AT, detector: 'card', field: 'contact' }],
    });
    store.tick(86_400_000);
    const csv =
      'Name,E-Mail,Title,Tags,Notes\nJana Schubert,jana@acme.de,Head of Sales,fair,Met at the fair\nTom Berg,tom@acme.de,,,\n';
    const report = await importCsv(store, csv, { mode: 'valid-rows', fileName: 'leads.csv' });
    expect([report.created, report.merged]).toEqual([1, 1]);
    const jana = (await storedContacts(store)).find((c) => c.name === 'Jana Schubert')!;
    for (const field of ['name', 'title', 'emails', 'tags', 'notes'])
      expect(provenanceOf(jana, field)).toEqual({ kind: 'import', at: AT + 86_400_000, file: 'leads.csv' });
    const tom = (await getContact(store, seen.id))!;
    expect(provenanceOf(tom, 'title')).toMatchObject({ kind: 'page', host: 'acme.de' });
  });
});
