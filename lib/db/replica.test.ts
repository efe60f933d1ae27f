import { expect, test } from 'vitest';
import { openTestStore } from './test-store';
import { upsertContact } from './contacts';
import { createDeal } from './deals';
import { addActivity } from './activities';
import { readReplica, removeReplicas, stamp, writeReplicas } from './replica';
import { forgetContact } from './record';
import { readSetting } from './settings-registry';
import { DEFAULT_PROFILE } from '../fit';
import { dbOf } from './internal';

test('forget this person: contact, deals and activities go in one transaction, as delete events', async () => {
  const store = await openTestStore();
  const { contact } = await upsertContact(store, { name: 'Jane', emails: ['jane@acme.io'] });
  const other = (await upsertContact(store, { name: 'Bob', emails: ['bob@beta.io'] })).contact;
  const deal = await createDeal(store, { contactId: contact.id, title: 'X' });
  await addActivity(store, { contactId: contact.id, dealId: deal.id, kind: 'note', text: 'hi' });
  const events: string[] = [];
  store.onChange((e) => events.push(`${e.store}:${e.kind}:${e.ids.length}`));
  const removed = await forgetContact(store, contact.id);
  expect(removed.contact.id).toBe(contact.id);
  expect(removed.deals.map((d) => d.id)).toEqual([deal.id]);
  // The bridge sends deletions from these events: each record kind leaves as a delete.
  expect(events).toEqual(['contacts:delete:1', 'deals:delete:1', 'activities:delete:1']);
  expect(await dbOf(store).count('contacts')).toBe(1);
  expect(await readReplica(store, 'contact', other.id)).toBeDefined();
});

test('team writes are marked as such; profiles merge by id and the last one stays', async () => {
  const store = await openTestStore();
  const sources: (string | undefined)[] = [];
  store.onChange((e) => sources.push(e.source));
  const team = { ...DEFAULT_PROFILE, id: 'team', name: 'Team' };
  await writeReplicas(store, [{ kind: 'profile', id: 'team', record: team }]);
  expect((await readSetting(store, 'fit.profiles')).map((p) => p.id)).toEqual([DEFAULT_PROFILE.id, 'team']);
  await removeReplicas(store, [{ kind: 'profile', id: DEFAULT_PROFILE.id }]);
  await removeReplicas(store, [{ kind: 'profile', id: 'team' }]);
  expect((await readSetting(store, 'fit.profiles')).map((p) => p.id)).toEqual(['team']);
  expect(sources).toEqual(['sync', 'sync']);
});

test('a record changed here since the team version was read is not overwritten', async () => {
  const store = await openTestStore();
  const { contact } = await upsertContact(store, { name: 'Jane', emails: ['jane@acme.io'] });
  const incoming = { ...contact, name: 'Jane (team)', version: 2 };
  const readAs = new Map([[`contact:${contact.id}`, stamp({ ...contact, version: 0 })]]);
  expect(
    await writeReplicas(store, [{ kind: 'contact', id: contact.id, record: incoming }], readAs),
  ).toMatchObject({
    skipped: [contact.id],
  });
  expect((await readReplica(store, 'contact', contact.id))?.record).toMatchObject({ name: 'Jane' });
  readAs.set(`contact:${contact.id}`, stamp(contact));
  await writeReplicas(store, [{ kind: 'contact', id: contact.id, record: incoming }], readAs);
  expect((await readReplica(store, 'contact', contact.id))?.record).toMatchObject({ name: 'Jane (team)' });
});

test('a teammate’s deal or activity whose contact is not here is not written (an orphan); with its contact in the batch it is', async () => {
  const team = await openTestStore();
  const { contact } = await upsertContact(team, { name: 'Jane', emails: ['jane@acme.io'] });
  const deal = await createDeal(team, { contactId: contact.id, title: 'X' });
  const note = await addActivity(team, { contactId: contact.id, dealId: deal.id, kind: 'note', text: 'hi' });
  const store = await openTestStore();
  const theirs = [
    { kind: 'deal' as const, id: deal.id, record: deal },
    { kind: 'activity' as const, id: note.activity.id, record: note.activity },
  ];
  expect(await writeReplicas(store, theirs)).toEqual({
    changedHere: [],
    skipped: [deal.id, note.activity.id],
    orphans: [deal.id, note.activity.id],
  });
  expect([await dbOf(store).count('deals'), await dbOf(store).count('activities')]).toEqual([0, 0]);
  // The contact listed after them in the same batch: written first, so they find it.
  const withContact = await writeReplicas(store, [
    ...theirs,
    { kind: 'contact', id: contact.id, record: contact },
  ]);
  expect(withContact).toMatchObject({ skipped: [], orphans: [] });
  expect((await readReplica(store, 'deal', deal.id))?.record).toMatchObject({ contactId: contact.id });
  expect(await dbOf(store).count('activities')).toBe(1);
});
