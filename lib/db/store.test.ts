import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { MIGRATIONS } from './migrations';
import { openStore } from './open';
import { openTestStore } from './test-store';
import { contactByEmail, contactsByDomain, searchContacts, updateContact, upsertContact } from './contacts';
import { board, createDeal, dealsOfContact, dueDeals, restartDeal, updateDeal } from './deals';
import { activitiesOf, addActivity } from './activities';
import { getSetting, putSetting } from './settings';
import { advance, markLost } from '../pipeline/deal';
import { StoreError } from './errors';
import { dbOf } from './internal';
import { createJob, listJobs, writeJobChunk } from './jobs';

const DAY = 86_400_000;

describe('contacts', () => {
  test('a known email, in any case or IDN spelling, returns the existing contact', async () => {
    const store = await openTestStore();
    const first = await upsertContact(store, {
      name: 'Jürgen Müller',
      emails: ['Juergen@Müller-Bau.de'],
      title: 'CEO',
    });
    expect(first.created).toBe(true);
    expect(first.contact.emailKeys).toEqual(['juergen@xn--mller-bau-q9a.de']);
    const again = await upsertContact(store, {
      emails: ['JUERGEN@xn--mller-bau-q9a.DE'],
      phones: ['+4930123'],
    });
    expect(again.created).toBe(false);
    expect(again.contact.id).toBe(first.contact.id);
    expect(again.contact.phones).toEqual(['+4930123']);
    expect(again.contact.title).toBe('CEO');
    expect(await dbOf(store).count('contacts')).toBe(1);
    expect((await contactByEmail(store, 'juergen@müller-bau.de'))?.id).toBe(first.contact.id);
  });

  test('a contact needs a name or a valid email', async () => {
    const store = await openTestStore();
    await expect(upsertContact(store, { emails: ['not-an-email'] })).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  test('prefix search over name, company and email; domain lookup', async () => {
    const store = await openTestStore();
    await upsertContact(store, {
      name: 'Jane Doe',
      company: 'Acme GmbH',
      companyDomain: 'acme.io',
      emails: ['jane@acme.io'],
    });
    await upsertContact(store, { name: 'John Roe', company: 'Beta AG', emails: ['john@beta.de'] });
    await upsertContact(store, { name: 'سارة أحمد', emails: ['sara@beta.de'] });
    expect((await searchContacts(store, 'ja')).map((c) => c.name)).toEqual(['Jane Doe']);
    expect((await searchContacts(store, 'ACME')).map((c) => c.name)).toEqual(['Jane Doe']);
    expect((await searchContacts(store, 'john@')).map((c) => c.name)).toEqual(['John Roe']);
    expect((await searchContacts(store, 'سارة')).length).toBe(1);
    expect((await searchContacts(store, 'jane roe')).length).toBe(0);
    expect((await contactsByDomain(store, 'acme.io')).length).toBe(1);
  });

  test('a stale update is a conflict, not an overwrite', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Jane', emails: ['jane@acme.io'] });
    await updateContact(store, contact.id, contact.version, { title: 'CFO' });
    await expect(updateContact(store, contact.id, contact.version, { title: 'CEO' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await contactByEmail(store, 'jane@acme.io'))?.title).toBe('CFO');
  });

  test('a 10 MB name is cut, emoji and RTL survive', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: '🦄'.repeat(5_000_000), emails: ['u@acme.io'] });
    expect(contact.name.length).toBeLessThanOrEqual(500);
    expect(contact.name.startsWith('🦄')).toBe(true);
  });
});

describe('deals', () => {
  test('create, transition with version checks, due and board queries', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Jane', emails: ['jane@acme.io'] });
    const deal = await createDeal(store, { contactId: contact.id, title: 'Conveyors', fitConfirmed: true });
    expect(deal.step).toBe('initiate');
    expect((await dueDeals(store, store.now() + 2 * DAY)).map((d) => d.id)).toEqual([deal.id]);
    expect(await dueDeals(store, store.now() + DAY)).toEqual([]);

    store.tick(DAY);
    const { deal: afterCall } = await addActivity(store, {
      contactId: contact.id,
      dealId: deal.id,
      kind: 'call',
      text: 'Intro call',
    });
    expect(afterCall?.facts.outreachAt).toBe(store.now());
    const moved = await updateDeal(store, deal.id, afterCall!.version, (d, now) => advance(d, now));
    expect(moved.step).toBe('discover');
    await expect(
      updateDeal(store, deal.id, deal.version, (d, now) => advance(d, now)),
    ).rejects.toBeInstanceOf(StoreError);
    const columns = await board(store);
    expect(columns.discover.map((d) => d.id)).toEqual([deal.id]);
    expect((await activitiesOf(store, deal.id)).map((a) => a.text)).toEqual(['Intro call']);
    expect((await dealsOfContact(store, contact.id)).length).toBe(1);

    const lost = await updateDeal(store, deal.id, moved.version, (d, now) => markLost(d, now, 'budget'));
    expect(await dueDeals(store, Infinity)).toEqual([]);
    expect((await board(store, ['lost'])).discover.map((d) => d.id)).toEqual([lost.id]);
  });

  test('a deal for a missing contact is refused; restart links both deals', async () => {
    const store = await openTestStore();
    await expect(createDeal(store, { contactId: 'nobody', title: 'X' })).rejects.toMatchObject({
      code: 'not-found',
    });
    const jane = (await upsertContact(store, { name: 'Jane', emails: ['jane@acme.io'] })).contact;
    const bob = (await upsertContact(store, { name: 'Bob', emails: ['bob@beta.io'] })).contact;
    let deal = await createDeal(store, { contactId: jane.id, title: 'Line 1', fitConfirmed: true });
    for (let i = 0; i < 8; i++)
      deal = await updateDeal(store, deal.id, deal.version, (d, now) =>
        advance(d, now, { override: 'test' }),
      );
    expect(deal).toMatchObject({ step: 'nurture', status: 'won' });
    const { origin, started } = await restartDeal(store, deal.id, deal.version, {
      kind: 'referral',
      contactId: bob.id,
    });
    expect(started).toMatchObject({
      contactId: bob.id,
      step: 'identify',
      origin: { dealId: deal.id, kind: 'referral' },
    });
    expect(origin.restarts[0]?.dealId).toBe(started.id);
    expect((await dbOf(store).get('contacts', bob.id))?.referredBy).toBe(jane.id);
  });

  test('change events follow every committed write', async () => {
    const store = await openTestStore();
    const seen: string[] = [];
    store.onChange((e) => seen.push(`${e.store}:${e.kind}`));
    await upsertContact(store, { name: 'Jane', emails: ['jane@acme.io'] });
    await putSetting(store, 'locale', 'de');
    expect(await getSetting(store, 'locale')).toBe('de');
    expect(seen).toEqual(['contacts:put', 'settings:put']);
  });
});

describe('migrations', () => {
  test('versions are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  test('a version-1 database upgrades with nothing lost and search works on old contacts', async () => {
    const name = `v1-fixture-${Math.random()}`;
    const v1 = await openDB(name, 1, {
      upgrade: (db, _old, _new, tx) => MIGRATIONS[0]!.run(db, tx as never),
    });
    await v1.put('contacts', {
      id: 'c1',
      name: 'Jane Doe',
      emails: ['jane@acme.io'],
      emailKeys: ['jane@acme.io'],
      phones: [],
      company: 'Acme',
      profiles: [],
      tags: [],
      role: false,
      sources: [],
      notes: 'met at fair',
      createdAt: 1,
      updatedAt: 1,
      version: 3,
    });
    await v1.put('activities', {
      id: 'a1',
      subjectId: 'c1',
      contactId: 'c1',
      kind: 'note',
      at: 1,
      text: 'hi',
      createdAt: 1,
      updatedAt: 1,
      version: 1,
    });
    v1.close();
    const store = await openStore({ name });
    const found = await searchContacts(store, 'acm');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'c1', notes: 'met at fair', version: 3 });
    expect(await dbOf(store).getAllFromIndex('activities', 'byContact', 'c1')).toHaveLength(1);
    // v003: the job stores exist, empty, and an import job runs on the old contacts.
    expect(await listJobs(store)).toEqual([]);
    const job = await createJob(store, {
      kind: 'import-csv',
      mode: 'valid-rows',
      inputs: [{ name: 'Jane Doe', emails: ['JANE@acme.io'], title: 'CEO' }],
      errors: [],
    });
    expect(await writeJobChunk(store, job.id)).toMatchObject({ state: 'done', merged: 1, created: 0 });
    expect(await dbOf(store).get('contacts', 'c1')).toMatchObject({
      title: 'CEO',
      notes: 'met at fair',
      version: 4,
    });
  });
});
