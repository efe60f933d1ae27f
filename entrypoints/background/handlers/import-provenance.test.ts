import { describe, expect, test } from 'vitest';
import { storedContacts } from '@/lib/db/test-store';
import { provenanceOf } from '@/lib/contacts/provenance';
import type { RequestContext } from '../router';
import { setup } from './test-services';

const page: RequestContext = { context: 'page' };

describe('imports record their file as the provenance of what they bring', () => {
  test('vCard and CSV: the file name from the options page, the path cut off', async () => {
    const { h, store } = await setup();
    const vcard =
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jana Schubert\r\nTITLE:Head of Sales\r\nEMAIL:jana@acme.de\r\nEND:VCARD\r\n';
    await h['data/import-vcard']({ text: vcard, fileName: 'C:\\fakepath\\kontakte.vcf' }, page);
    await h['data/import-csv'](
      { text: 'Name,Email\nTom Berg,tom@acme.de\n', mode: 'valid-rows', fileName: 'leads.csv' },
      page,
    );
    const byName = new Map((await storedContacts(store)).map((c) => [c.name, c]));
    expect(provenanceOf(byName.get('Jana Schubert')!, 'title')).toMatchObject({
      kind: 'import',
      file: 'kontakte.vcf',
    });
    expect(provenanceOf(byName.get('Tom Berg')!, 'name')).toMatchObject({
      kind: 'import',
      file: 'leads.csv',
    });
    expect(byName.get('Tom Berg')!.sources).toEqual([
      { url: 'leads.csv', seenAt: store.now(), detector: 'import-csv', field: 'contact' },
    ]);
  });
});
