import { expect, test } from 'vitest';
import { openDB } from 'idb';
import { MIGRATIONS } from './index';
import { openStore } from '../open';
import { getContact, upsertContact } from '../contacts';
import { duplicatesOf } from '../record';

test('a version-2 database upgrades: contacts gain edits and suggestions, duplicates are indexed', async () => {
  const name = `v2-fixture-${Math.random()}`;
  const v2 = await openDB(name, 2, {
    upgrade: async (db, old, _new, tx) => {
      for (const m of MIGRATIONS.slice(0, 2)) if (old < m.version) await m.run(db, tx as never);
    },
  });
  const stored = {
    id: 'c1',
    name: 'Markus Weber',
    emails: ['markus@acme.de'],
    emailKeys: ['markus@acme.de'],
    phones: ['+49301234568'],
    title: 'Einkauf',
    company: 'Acme GmbH',
    profiles: ['https://www.linkedin.com/in/markus-weber'],
    tags: ['fair'],
    role: false,
    sources: [{ url: 'https://acme.de/team', seenAt: 1, detector: 'card', field: 'contact' }],
    notes: 'met at fair',
    searchTerms: ['markus', 'weber', 'acme', 'gmbh', 'markus@acme.de'],
    createdAt: 1,
    updatedAt: 1,
    version: 4,
  };
  await v2.put('contacts', stored);
  v2.close();

  const store = await openStore({ name });
  const upgraded = await getContact(store, 'c1');
  expect(upgraded).toEqual({ ...stored, edited: {}, suggestions: [] });
  const { contact: other } = await upsertContact(store, {
    name: 'M. Weber',
    emails: ['einkauf@acme.de'],
    phones: ['+49301234568'],
  });
  expect((await duplicatesOf(store, other)).map((d) => [d.contact.id, d.reasons])).toEqual([
    ['c1', ['phone']],
  ]);
  store.close();
});
