import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { openTestStore, storedContacts } from './test-store';
import { getContact, updateContact, upsertContact } from './contacts';
import { allDeals, createDeal, dealsOfContact } from './deals';
import { addActivity } from './activities';
import {
  deleteDeal,
  duplicatesOf,
  forgetContact,
  mergeContacts,
  personRecords,
  restorePerson,
} from './record';
import { readSnapshot } from './snapshot';
import { writeReplicas } from './replica';
import { dbOf } from './internal';
import { readMailThread } from './test-thread';
import { derivedDealTitle } from '../contacts/contact';

describe('merge', () => {
  test('property: no e-mail, deal, activity or thread is lost, and the counts add up', async () => {
    const person = fc.record({
      emails: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 4 }),
      phones: fc.uniqueArray(fc.constantFrom('+49301234560', '+49301234561', '+49301234562'), {
        maxLength: 2,
      }),
      deals: fc.integer({ min: 0, max: 3 }),
      activities: fc.integer({ min: 0, max: 4 }),
      /** Threads with the person, each with this many replies (linked when the person has one open deal). */
      threads: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }),
      title: fc.option(fc.constantFrom('CEO', 'CFO', 'Head of Sales'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(person, person, fc.constantFrom('keep', 'other'), async (a, b, pick) => {
        const store = await openTestStore();
        const make = async (p: typeof a, domain: string) => {
          const { contact } = await upsertContact(store, {
            name: 'Markus Weber',
            title: p.title,
            emails: p.emails.map((e) => `${e}@${domain}.de`),
            phones: p.phones,
          });
          for (let i = 0; i < p.deals; i++)
            await createDeal(store, { contactId: contact.id, title: `D${i}` });
          const deals = await dealsOfContact(store, contact.id);
          for (let i = 0; i < p.activities; i++)
            await addActivity(store, {
              contactId: contact.id,
              dealId: deals[i % Math.max(deals.length, 1)]?.id,
              kind: 'note',
              text: `n${i}`,
            });
          for (const [i, replies] of p.threads.entries())
            await readMailThread(store, `${domain}-${i}`, [contact.emails[i % contact.emails.length]!], {
              replies,
            });
          return (await getContact(store, contact.id))!;
        };
        const threads = () => dbOf(store).getAll('threads');
        const keep = await make(a, 'acme');
        const other = await make(b, 'acme-industrie');
        const before = await readSnapshot(store);
        const threadsOf = (all: Awaited<ReturnType<typeof threads>>, id: string) =>
          all.filter((t) => t.contactId === id);
        const beforeThreads = await threads();
        const result = await mergeContacts(store, {
          keepId: keep.id,
          keepVersion: keep.version,
          otherId: other.id,
          otherVersion: other.version,
          choices: { title: pick },
        });
        const after = await readSnapshot(store);
        expect(after.contacts).toHaveLength(before.contacts.length - 1);
        expect(after.deals).toHaveLength(before.deals.length);
        expect(after.activities).toHaveLength(before.activities.length);
        expect(after.deals.every((d) => d.contactId === keep.id)).toBe(true);
        expect(after.activities.every((x) => x.contactId === keep.id)).toBe(true);
        // Every thread moves with its messages' activities, its deal link and its follow-up.
        const afterThreads = await threads();
        expect(afterThreads).toHaveLength(beforeThreads.length);
        expect(threadsOf(afterThreads, keep.id)).toHaveLength(a.threads.length + b.threads.length);
        expect(result.movedThreads).toBe(b.threads.length);
        for (const t of beforeThreads) {
          const moved = afterThreads.find((x) => x.id === t.id)!;
          expect([moved.dealId, moved.messages, moved.followUp]).toEqual([t.dealId, t.messages, t.followUp]);
        }
        const emails = (list: typeof after.activities) => list.filter((x) => x.kind === 'email').length;
        expect(emails(after.activities)).toBe(emails(before.activities));
        expect(new Set(result.contact.emailKeys)).toEqual(new Set([...keep.emailKeys, ...other.emailKeys]));
        expect(result.contact.emailKeys).toHaveLength(keep.emailKeys.length + other.emailKeys.length);
        expect(new Set(result.contact.phones)).toEqual(new Set([...keep.phones, ...other.phones]));
        expect(result.movedDeals).toBe(b.deals);
        expect(result.movedActivities).toBe(
          b.activities + emails(before.activities.filter((x) => x.contactId === other.id)),
        );
        const expectedTitle = pick === 'other' ? (other.title ?? keep.title) : (keep.title ?? other.title);
        expect(result.contact.title).toBe(expectedTitle);
        // Every address still finds the merged person.
        const records = await personRecords(store, keep.id);
        expect(records?.deals).toHaveLength(a.deals + b.deals);
        store.close();
      }),
      { numRuns: 25 },
    );
  });

  test('a stale view gets a conflict and nothing moves', async () => {
    const store = await openTestStore();
    const { contact: a } = await upsertContact(store, { name: 'A', emails: ['a@acme.de'] });
    const { contact: b } = await upsertContact(store, { name: 'B', emails: ['b@acme.de'] });
    await updateContact(store, b.id, b.version, { title: 'CEO' });
    await expect(
      mergeContacts(store, {
        keepId: a.id,
        keepVersion: a.version,
        otherId: b.id,
        otherVersion: b.version,
        choices: {},
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await storedContacts(store)).toHaveLength(2);
  });
});

describe('duplicates', () => {
  test('same name and company, a shared phone, a shared profile link — each with its reason', async () => {
    const store = await openTestStore();
    const { contact: me } = await upsertContact(store, {
      name: 'Markus Weber',
      company: 'Acme GmbH',
      emails: ['markus@acme.de'],
      phones: ['+49301234568'],
      profiles: ['https://www.linkedin.com/in/markus-weber/'],
    });
    await upsertContact(store, {
      name: 'markus weber',
      company: 'ACME GmbH',
      emails: ['mw@acme-industrie.de'],
    });
    await upsertContact(store, { name: 'M. Weber', emails: ['einkauf@acme.de'], phones: ['+49301234568'] });
    await upsertContact(store, {
      name: 'Weber',
      emails: ['x@y.de'],
      profiles: ['https://www.linkedin.com/in/markus-weber/'],
    });
    await upsertContact(store, { name: 'Markus Weber', company: 'Other AG', emails: ['markus@other.de'] });
    const found = await duplicatesOf(store, me);
    expect(found.map((d) => [d.contact.emails[0], d.reasons]).sort()).toEqual(
      [
        ['einkauf@acme.de', ['phone']],
        ['mw@acme-industrie.de', ['name-company']],
        ['x@y.de', ['profile']],
      ].sort(),
    );
  });
});

/** Markus, and Lena whom he referred. */
async function lenaReferredByMarkus() {
  const store = await openTestStore();
  const { contact: markus } = await upsertContact(store, { name: 'Markus', emails: ['markus@acme.de'] });
  const { contact: lena } = await upsertContact(store, {
    name: 'Lena',
    emails: ['lena@acme.de'],
    referredBy: markus.id,
  });
  return { store, markus, lena };
}

describe('the contacts a merge or a forget re-links', () => {
  test('carry the time of that change with its version', async () => {
    const { store, markus, lena } = await lenaReferredByMarkus();
    const { contact: tom } = await upsertContact(store, {
      name: 'Tom',
      emails: ['tom@acme.de'],
      referredBy: lena.id,
    });
    const { contact: markus2 } = await upsertContact(store, { name: 'M. Weber', emails: ['mw@acme.de'] });
    store.tick(60_000);
    // Markus is merged into his duplicate (Lena's referrer link moves over); then Lena, Tom's
    // referrer, is forgotten (his link goes).
    await mergeContacts(store, {
      keepId: markus2.id,
      keepVersion: markus2.version,
      otherId: markus.id,
      otherVersion: markus.version,
      choices: {},
    });
    const relinked = (await getContact(store, lena.id))!;
    expect(relinked.referredBy).toBe(markus2.id);
    expect(relinked.updatedAt).toBe(store.now());
    expect(relinked.version).toBe(lena.version + 1);

    store.tick(60_000);
    await forgetContact(store, lena.id);
    const unlinked = (await getContact(store, tom.id))!;
    expect(unlinked.referredBy).toBeUndefined();
    expect(unlinked.updatedAt).toBe(store.now());
    expect(unlinked.version).toBe(tom.version + 1);
  });
});

describe('forget and delete', () => {
  test('forget deletes the contact, its deals and activities, and undo puts them back', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Lena', emails: ['lena@acme.de'] });
    const { contact: referred } = await upsertContact(store, {
      name: 'Tom',
      emails: ['tom@acme.de'],
      referredBy: contact.id,
    });
    const deal = await createDeal(store, { contactId: contact.id, title: 'Acme' });
    await addActivity(store, { contactId: contact.id, dealId: deal.id, kind: 'note', text: 'hi' });
    await addActivity(store, { contactId: contact.id, kind: 'call', text: '' });
    const gone = await forgetContact(store, contact.id);
    expect([gone.deals.length, gone.activities.length]).toEqual([1, 2]);
    const after = await readSnapshot(store);
    expect(JSON.stringify(after)).not.toContain('lena');
    expect(JSON.stringify(after)).not.toContain(contact.id);
    expect(after.contacts.map((c) => c.id)).toEqual([referred.id]);
    await restorePerson(store, gone);
    expect((await personRecords(store, contact.id))?.activities).toHaveLength(2);
  });

  test('undo puts back the referral links forget took off, unless a contact was given another referrer since', async () => {
    const { store, markus, lena } = await lenaReferredByMarkus();
    const referred = async (name: string) =>
      (await upsertContact(store, { name, emails: [`${name}@acme.de`], referredBy: lena.id })).contact;
    const [tom, eva, ida] = [await referred('tom'), await referred('eva'), await referred('ida')];
    const gone = await forgetContact(store, lena.id);
    for (const c of [tom, eva, ida]) expect((await getContact(store, c.id))?.referredBy).toBeUndefined();
    // Since: Tom's notes are edited (his link untouched), a teammate gives Eva Markus as referrer,
    // Ida is forgotten.
    const tomNow = (await getContact(store, tom.id))!;
    await updateContact(store, tom.id, tomNow.version, { notes: 'met at the fair' });
    const evaNow = (await getContact(store, eva.id))!;
    const evaRecord = { ...evaNow, referredBy: markus.id, version: evaNow.version + 1 };
    await writeReplicas(store, [{ kind: 'contact', id: eva.id, record: evaRecord }]);
    await forgetContact(store, ida.id);

    await restorePerson(store, gone);
    expect(await getContact(store, tom.id)).toMatchObject({ referredBy: lena.id, notes: 'met at the fair' });
    expect((await getContact(store, eva.id))?.referredBy).toBe(markus.id);
    expect(await getContact(store, ida.id)).toBeUndefined();
    expect((await getContact(store, lena.id))?.referredBy).toBe(markus.id);
  });

  test('undo leaves out a referrer forgotten meanwhile: the restored contact points to no missing record', async () => {
    const { store, markus, lena } = await lenaReferredByMarkus();
    const gone = await forgetContact(store, lena.id);
    await forgetContact(store, markus.id);
    await restorePerson(store, gone);
    const restored = await getContact(store, lena.id);
    expect(restored).toBeDefined();
    expect(restored).not.toHaveProperty('referredBy');
  });

  test('forget takes their threads: one only they are in goes, others lose them; undo restores', async () => {
    const store = await openTestStore();
    // Read while nobody in it was saved: a pending thread that names her.
    await readMailThread(store, 'pending', ['lena@other.de', 'jana.schubert@acme.de']);
    const { contact: jana } = await upsertContact(store, { name: 'Jana', emails: ['Jana.Schubert@acme.de'] });
    const { contact: tom } = await upsertContact(store, { name: 'Tom', emails: ['tom@acme.de'] });
    const deal = await createDeal(store, { contactId: jana.id, title: 'Acme' });
    await createDeal(store, { contactId: tom.id, title: 'Tom’s' });
    await readMailThread(store, 'linked', ['jana.schubert@acme.de'], { replies: 1 });
    // Tom's thread with Jana in copy.
    await readMailThread(store, 'tom', ['tom@acme.de', 'jana.schubert@acme.de']);
    const threads = () => dbOf(store).getAll('threads');
    const before = await threads();
    expect(before.find((t) => t.id === 'gmail:linked')?.dealId).toBe(deal.id);
    expect((await personRecords(store, jana.id))?.threads.map((t) => t.id).sort()).toEqual([
      'gmail:linked',
      'gmail:pending',
      'gmail:tom',
    ]);

    const gone = await forgetContact(store, jana.id);
    expect(gone.threads).toHaveLength(3);
    const left = await threads();
    expect(left.map((t) => t.id).sort()).toEqual(['gmail:pending', 'gmail:tom']);
    const everything = JSON.stringify({ ...(await readSnapshot(store)), threads: left });
    expect(everything).not.toMatch(/jana|schubert/i);
    expect(everything).not.toContain(jana.id);
    expect(left.find((t) => t.id === 'gmail:tom')).toMatchObject({ contactId: tom.id });

    await restorePerson(store, gone);
    // As they were, each as its next version.
    const restored = await threads();
    const content = (list: typeof before) => list.map(({ version: _v, updatedAt: _u, ...rest }) => rest);
    expect(content(restored)).toEqual(content(before));
    for (const thread of restored) {
      const forgotten = left.find((t) => t.id === thread.id);
      expect(thread.version).toBe((forgotten ?? before.find((t) => t.id === thread.id)!).version + 1);
    }
    expect((await personRecords(store, jana.id))?.activities.filter((a) => a.kind === 'email')).toHaveLength(
      2,
    );
  });

  test('forget keeps a linked thread others are in: they stay, her address, link and answers go; undo restores', async () => {
    const store = await openTestStore();
    const { contact: jana } = await upsertContact(store, { name: 'Jana', emails: ['jana.schubert@acme.de'] });
    const deal = await createDeal(store, { contactId: jana.id, title: 'Acme' });
    const linked = await readMailThread(store, 'group', ['jana.schubert@acme.de', 'Lena@Other.de'], {
      replies: 2,
    });
    expect(linked).toMatchObject({ contactId: jana.id, dealId: deal.id });
    expect(linked.followUpDueAt).toBeDefined();
    const answer = {
      key: 'group-1#0',
      messageId: 'group-1',
      at: linked.messages[1]!.at,
      question: 'How many sites?',
      answer: 'Three',
      state: 'offered' as const,
    };
    await dbOf(store).put('threads', { ...linked, answers: [answer], askDealIds: [deal.id, 'other-deal'] });
    const before = await dbOf(store).get('threads', 'gmail:group');

    const gone = await forgetContact(store, jana.id);
    expect(gone.threads.map((t) => t.id)).toEqual(['gmail:group']);
    const kept = await dbOf(store).get('threads', 'gmail:group');
    expect(kept).toMatchObject({
      participants: [{ email: 'Lena@Other.de' }],
      prospectKeys: ['lena@other.de'],
      messages: linked.messages,
      askDealIds: ['other-deal'],
      pendingAt: store.now(),
    });
    for (const field of ['contactId', 'dealId', 'followUpDueAt', 'answers'] as const)
      expect(kept).not.toHaveProperty(field);
    expect(JSON.stringify(kept)).not.toMatch(/jana|schubert|sites/i);
    expect(JSON.stringify(kept)).not.toContain(jana.id);
    expect(JSON.stringify(kept)).not.toContain(deal.id);

    await restorePerson(store, gone);
    const restored = await dbOf(store).get('threads', 'gmail:group');
    expect({ ...restored, version: 0, updatedAt: 0 }).toEqual({ ...before, version: 0, updatedAt: 0 });
    expect(restored!.version).toBe(kept!.version + 1);
  });

  test('forget deletes a linked thread only she is in (the rep aside)', async () => {
    const store = await openTestStore();
    const { contact: jana } = await upsertContact(store, { name: 'Jana', emails: ['jana.schubert@acme.de'] });
    await createDeal(store, { contactId: jana.id, title: 'Acme' });
    await readMailThread(store, 'only-her', ['Jana.Schubert@acme.de'], { replies: 1 });
    await forgetContact(store, jana.id);
    expect(await dbOf(store).getAll('threads')).toEqual([]);
  });

  test('deleting a deal removes it and its activities, and only those', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Lena', emails: ['lena@acme.de'] });
    const one = await createDeal(store, { contactId: contact.id, title: 'One' });
    const two = await createDeal(store, { contactId: contact.id, title: 'Two' });
    await addActivity(store, { contactId: contact.id, dealId: one.id, kind: 'note', text: 'a' });
    await addActivity(store, { contactId: contact.id, dealId: two.id, kind: 'note', text: 'b' });
    await expect(deleteDeal(store, one.id, 99)).rejects.toMatchObject({ code: 'conflict' });
    const current = (await allDeals(store)).find((d) => d.id === one.id)!;
    const gone = await deleteDeal(store, one.id, current.version);
    expect(gone.activities).toHaveLength(1);
    const left = await personRecords(store, contact.id);
    expect(left?.deals.map((d) => d.title)).toEqual(['Two']);
    expect(left?.activities.map((a) => a.text)).toEqual(['b']);
  });
});

describe('deal titles follow the contact they were derived from', () => {
  test('a derived title follows a corrected company; a typed one stays', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, {
      name: 'Markus Weber',
      company: 'acme-industrie.de',
      emails: ['markus@acme-industrie.de'],
    });
    const derived = await createDeal(store, { contactId: contact.id, title: derivedDealTitle(contact) });
    const typed = await createDeal(store, { contactId: contact.id, title: 'Retrofit line 3' });
    await updateContact(store, contact.id, contact.version, { company: 'Acme GmbH' });
    const titles = new Map((await allDeals(store)).map((d) => [d.id, d.title]));
    expect(titles.get(derived.id)).toBe('Acme GmbH');
    expect(titles.get(typed.id)).toBe('Retrofit line 3');
  });

  test('an address of another contact is refused with a pointer to merging', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'A', emails: ['a@acme.de'] });
    await upsertContact(store, { name: 'B', emails: ['b@acme.de'] });
    await expect(
      updateContact(store, contact.id, contact.version, { emails: ['a@acme.de', 'B@acme.de'] }),
    ).rejects.toThrow(/belongs to another contact \(B\)\. Merge/);
    expect((await getContact(store, contact.id))?.emails).toEqual(['a@acme.de']);
  });
});
