import { describe, expect, test } from 'vitest';
import { storedContacts } from '@/lib/db/test-store';
import { suppress } from '@/lib/db';
import { suppressionHashes } from '@/lib/contacts/suppression';
import type { RequestContext } from '../router';
import { setup } from './test-services';

const page: RequestContext = { context: 'page' };

const card = (name: string, email: string) =>
  `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`;

describe('imports leave out the people on the never-suggest list, and count them', () => {
  test('CSV: the suppressed row is skipped and counted, the others import', async () => {
    const { h, store } = await setup();
    await suppress(store, await suppressionHashes(['jana.schubert@acme.de']));
    const csv = 'Name,Email\nJana Schubert,JANA.SCHUBERT@acme.de\nTom Berg,tom@acme.de\n';
    const report = await h['data/import-csv']({ text: csv, mode: 'all-or-nothing' }, page);
    expect(report).toMatchObject({ created: 1, merged: 0, suppressed: 1, written: true, errors: [] });
    expect((await storedContacts(store)).map((c) => c.name)).toEqual(['Tom Berg']);
  });

  test('vCard: the suppressed card is skipped and counted; only them means nothing is written', async () => {
    const { h, store } = await setup();
    await suppress(store, await suppressionHashes(['jana.schubert@acme.de']));
    const both = card('Jana Schubert', 'jana.schubert@acme.de') + card('Tom Berg', 'tom@acme.de');
    expect(await h['data/import-vcard']({ text: both }, page)).toMatchObject({
      created: 1,
      suppressed: 1,
      skipped: 0,
    });
    const onlyHer = await h['data/import-vcard'](
      { text: card('J. Schubert', 'jana.schubert@acme.de') },
      page,
    );
    expect(onlyHer).toEqual({ created: 0, merged: 0, errors: [], skipped: 0, suppressed: 1 });
    expect(JSON.stringify(await storedContacts(store))).not.toMatch(/schubert/i);
  });

  test('nothing suppressed: every row imports and none is counted', async () => {
    const { h } = await setup();
    const report = await h['data/import-vcard']({ text: card('Tom Berg', 'tom@acme.de') }, page);
    expect(report).toMatchObject({ created: 1, suppressed: 0 });
  });
});
