import { expect, test } from 'vitest';
import { openTestStore, storedContacts } from '../db/test-store';
import { suppress } from '../db';
import { suppressionHashes } from '../contacts/suppression';
import { startImport } from './start-import';

const rows = [
  { name: 'Jana Schubert', emails: ['jana.schubert@acme.de'] },
  { name: 'Tom Berg', emails: ['tom@acme.de'] },
];
const origin = { kind: 'vcard' as const, file: 'C:\\exports\\fair.vcf', at: 1_700_000_000_000 };
const spec = { kind: 'import-vcard' as const, mode: 'valid-rows' as const, errors: [] };

test('one way in for every import: the never-suggest list holds, each field names its file', async () => {
  const store = await openTestStore();
  await suppress(store, await suppressionHashes(['jana.schubert@acme.de']));
  const { job, suppressed } = await startImport(store, rows, origin, spec);
  expect(suppressed).toBe(1);
  expect(job).toMatchObject({ state: 'done', created: 1 });
  const stored = await storedContacts(store);
  expect(stored.map((c) => c.name)).toEqual(['Tom Berg']);
  expect(stored[0]!.sources?.at(-1)).toMatchObject({ url: 'fair.vcf', detector: 'import-vcard' });
});

test('no job when every row is on the never-suggest list', async () => {
  const store = await openTestStore();
  await suppress(store, await suppressionHashes(['jana.schubert@acme.de', 'tom@acme.de']));
  expect(await startImport(store, rows, origin, spec)).toEqual({ suppressed: 2 });
  expect(await storedContacts(store)).toEqual([]);
});
