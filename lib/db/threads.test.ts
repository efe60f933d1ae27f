import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { MIGRATIONS } from './migrations';
import { openStore } from './open';
import { openTestStore } from './test-store';
import { upsertContact } from './contacts';
import { createDeal, getDeal, isCurrentFor, updateDeal } from './deals';
import { activitiesOf } from './activities';
import {
  deleteThreadsOfDeal,
  dueFollowUps,
  followUpsOfDeals,
  getThread,
  linkThread,
  MAX_PENDING_THREADS,
  recordThreadRead,
  relinkThreadsOfContact,
  threadsNamingContact,
  threadsOfDeal,
  type FollowUpPolicy,
} from './threads';
import { readMailThread } from './test-thread';
import { dbOf } from './internal';
import { STEPS } from '../pipeline/steps';
import { markLost, recordFact } from '../pipeline/deal';
import { dealRecord } from '../io/records';
import type { ThreadRead } from '../threads';

const DAY = 86_400_000;
const MON = Date.UTC(2026, 0, 5, 9);
const policy: FollowUpPolicy = { timeZone: 'UTC', workingDays: (s) => STEPS[s].followUpWorkingDays };

function read(
  messages: ThreadRead['messages'],
  threadId = '18c2f0a1b2c3d4e5',
): ThreadRead & { mailbox: { account: number } } {
  return {
    provider: 'gmail',
    threadId,
    subject: 'Proposal for Acme',
    owner: 'rep@seller.io',
    participants: [{ email: 'jane@acme.io', name: 'Jane Doe' }],
    prospectKeys: ['jane@acme.io'],
    focusKey: 'jane@acme.io',
    messages,
    mailbox: { account: 0 },
  };
}

const sent = { id: 'm1', at: MON, direction: 'out' as const };
const reply = { id: 'm2', at: MON + DAY, direction: 'in' as const };

async function janeWithDeal(store: Awaited<ReturnType<typeof openTestStore>>) {
  const { contact } = await upsertContact(store, { name: 'Jane Doe', emails: ['jane@acme.io'] });
  const deal = await createDeal(store, { contactId: contact.id, title: 'Conveyors' });
  return { contact, deal };
}

describe('linking', () => {
  test('one open deal: linked automatically, the messages on its timeline once after three re-reads', async () => {
    const store = await openTestStore();
    const { deal } = await janeWithDeal(store);
    await recordThreadRead(store, read([sent, reply]), policy);
    // A re-read that brings nothing new writes nothing: no change event, so no view (and no tab) reloads.
    const events: string[] = [];
    store.onChange((e) => events.push(e.store));
    for (let i = 0; i < 3; i++) await recordThreadRead(store, read([reply, sent]), policy);
    expect(events).toEqual([]);
    const threads = await threadsOfDeal(store, deal.id);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ dealId: deal.id, lastDirection: 'in', lastAt: MON + DAY });
    const emails = (await activitiesOf(store, deal.id)).filter((a) => a.kind === 'email');
    expect(emails.map((a) => [a.messageId, a.direction, a.text])).toEqual([
      ['gmail:m2', 'in', 'Proposal for Acme'],
      ['gmail:m1', 'out', 'Proposal for Acme'],
    ]);
    // The rep's e-mail counts as the first outreach.
    expect((await getDeal(store, deal.id))?.facts.outreachAt).toBe(MON);
  });

  test('several open deals: the thread asks; the rep’s choice links it', async () => {
    const store = await openTestStore();
    const { contact, deal } = await janeWithDeal(store);
    const second = await createDeal(store, { contactId: contact.id, title: 'Second' });
    const thread = (await recordThreadRead(store, read([sent]), policy))!;
    expect(thread.dealId).toBeUndefined();
    expect(thread.askDealIds).toEqual([deal.id, second.id].sort());
    const linked = await linkThread(store, thread.id, second.id, policy);
    expect(linked).toMatchObject({ dealId: second.id, askDealIds: undefined });
    expect(await activitiesOf(store, second.id)).toHaveLength(1);
    // A re-read keeps the rep's choice.
    expect((await recordThreadRead(store, read([sent, reply]), policy))!.dealId).toBe(second.id);
  });

  test('no deal: offered Start deal; a deal started later links on relink', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Jane Doe', emails: ['jane@acme.io'] });
    const thread = (await recordThreadRead(store, read([sent]), policy))!;
    expect(thread).toMatchObject({ contactId: contact.id, dealId: undefined, askDealIds: undefined });
    const deal = await createDeal(store, { contactId: contact.id, title: 'Conveyors' });
    const [relinked] = await relinkThreadsOfContact(store, contact.id, policy);
    expect(relinked?.dealId).toBe(deal.id);
    expect(await activitiesOf(store, deal.id)).toHaveLength(1);
  });

  test('unlink removes its messages from the timeline and it is not relinked by itself', async () => {
    const store = await openTestStore();
    const { deal } = await janeWithDeal(store);
    const thread = (await recordThreadRead(store, read([sent, reply]), policy))!;
    await linkThread(store, thread.id, null, policy);
    expect(await activitiesOf(store, deal.id)).toHaveLength(0);
    const again = (await recordThreadRead(store, read([sent, reply]), policy))!;
    expect(again).toMatchObject({ dealId: undefined, unlinked: true });
    await expect(linkThread(store, thread.id, 'not-a-deal', policy)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  test('a thread read before its contact was saved is linked when the contact is saved', async () => {
    const store = await openTestStore();
    const thread = (await recordThreadRead(store, read([sent, reply]), policy))!;
    expect(thread.contactId).toBeUndefined();
    expect(thread.pendingAt).toBeDefined();
    const { contact } = await upsertContact(store, { name: 'Jane Doe', emails: ['Jane@ACME.io'] });
    const deal = await createDeal(store, { contactId: contact.id, title: 'Conveyors' });
    await relinkThreadsOfContact(store, contact.id, policy);
    const linked = await getThread(store, thread.id);
    expect(linked).toMatchObject({ contactId: contact.id, dealId: deal.id });
    expect(linked?.pendingAt).toBeUndefined();
    expect(await activitiesOf(store, deal.id)).toHaveLength(2);
  });

  test('threads with no saved contact are bounded, the oldest dropped first', async () => {
    const store = await openTestStore();
    for (let i = 0; i < MAX_PENDING_THREADS + 3; i++) {
      store.tick(1);
      await recordThreadRead(
        store,
        read([{ ...sent, id: `m${i}` }], `thread${String(i).padStart(8, '0')}`),
        policy,
      );
    }
    expect(await dbOf(store).count('threads')).toBe(MAX_PENDING_THREADS);
    expect(await getThread(store, 'gmail:thread00000000')).toBeUndefined();
    expect(
      await getThread(store, `gmail:thread${String(MAX_PENDING_THREADS + 2).padStart(8, '0')}`),
    ).toBeDefined();
  }, 30_000);
});

describe('follow-ups', () => {
  test('the rep wrote last: due after the step’s working days; a reply clears it', async () => {
    const store = await openTestStore();
    const { deal } = await janeWithDeal(store);
    const first = (await recordThreadRead(store, read([sent]), policy))!;
    const days = STEPS[deal.step].followUpWorkingDays;
    expect(first.followUp).toMatchObject({ state: 'waiting-on-them', since: MON });
    const dueAt = MON + days * DAY; // identify/initiate: within the week from a Monday
    expect(first.followUpDueAt).toBe(dueAt);
    expect(await dueFollowUps(store, dueAt - 1)).toHaveLength(0);
    expect((await dueFollowUps(store, dueAt)).map((t) => t.id)).toEqual([first.id]);
    // Her reply clears it; now the rep owes an answer, due after one working day.
    const replied = (await recordThreadRead(store, read([sent, reply]), policy))!;
    expect(replied.followUp).toMatchObject({
      state: 'waiting-on-you',
      since: MON + DAY,
      dueAt: MON + 2 * DAY,
    });
    expect(await dueFollowUps(store, MON + 2 * DAY - 1)).toHaveLength(0);
    // The rep answers: nothing is due until the step's working days have passed again.
    const answered = (await recordThreadRead(
      store,
      read([sent, reply, { id: 'm3', at: MON + DAY + 1, direction: 'out' }]),
      policy,
    ))!;
    expect(answered.followUp).toMatchObject({ state: 'waiting-on-them', since: MON + DAY + 1 });
    expect(await dueFollowUps(store, dueAt)).toHaveLength(0);
  });

  test('a lost deal has no due follow-up', async () => {
    const store = await openTestStore();
    const { deal } = await janeWithDeal(store);
    await updateDeal(store, deal.id, deal.version, (d, now) => markLost(d, now, 'no budget'));
    const thread = (await recordThreadRead(store, read([sent]), policy))!;
    expect(thread.followUpDueAt).toBeUndefined();
    expect((await followUpsOfDeals(store, [deal.id])).size).toBe(0);
  });
});

describe('deleting', () => {
  test('a deal’s threads and their message activities go; notes stay', async () => {
    const store = await openTestStore();
    const { deal } = await janeWithDeal(store);
    await recordThreadRead(store, read([sent, reply]), policy);
    expect(await deleteThreadsOfDeal(store, deal.id)).toBe(1);
    expect(await threadsOfDeal(store, deal.id)).toHaveLength(0);
    expect(await activitiesOf(store, deal.id)).toHaveLength(0);
  });
});

test('migration v3: a version-2 database gains threads, and its activities keep working', async () => {
  const name = `v2-fixture-${Math.random()}`;
  const v2 = await openDB(name, 2, {
    upgrade: async (db, _old, _new, tx) => {
      await MIGRATIONS[0]!.run(db, tx as never);
      await MIGRATIONS[1]!.run(db, tx as never);
    },
  });
  // E-mails the rep logged by hand before threads existed: no message id.
  const logged = (id: string, at: number) => ({
    id,
    subjectId: 'c1',
    contactId: 'c1',
    kind: 'email',
    at,
    text: 'Sent the intro',
  });
  for (const [id, at] of [
    ['a1', 1],
    ['a2', 2],
  ] as const)
    await v2.put('activities', { ...logged(id, at), createdAt: at, updatedAt: at, version: 1 });
  v2.close();
  const store = await openStore({ name });
  // Two old activities without a message id do not collide on the unique index.
  expect(await activitiesOf(store, 'c1')).toHaveLength(2);
  expect(await dbOf(store).count('threads')).toBe(0);
  expect([...dbOf(store).transaction('activities').store.indexNames]).toEqual(
    expect.arrayContaining(['byMessage', 'byThread']),
  );
});

describe('mail reads and an open sidebar (no version conflict)', () => {
  test('a mail re-read while the sidebar edits the deal does not conflict; the mail’s fact is kept', async () => {
    const store = await openTestStore();
    const { deal: shown } = await janeWithDeal(store);
    // The sidebar shows version 1; meanwhile the thread is read (the rep's sent mail, then a reply, then again).
    await recordThreadRead(store, read([sent]), policy);
    await recordThreadRead(store, read([reply]), policy);
    await recordThreadRead(store, read([reply]), policy);
    const afterMail = (await getDeal(store, shown.id))!;
    expect(afterMail).toMatchObject({ version: 2, repVersion: 1, facts: { outreachAt: MON } });
    expect(dealRecord.safeParse(afterMail).success).toBe(true);

    const edited = await updateDeal(store, shown.id, shown.version, (d, now) =>
      recordFact(d, { kind: 'need', need: 'Faster line changes' }, now),
    );
    expect(edited).toMatchObject({
      version: 3,
      facts: { outreachAt: MON },
      needs: { stated: ['Faster line changes'] },
    });
    expect(edited.repVersion).toBeUndefined();
    // A view still at version 1 is now behind a rep's write: that is a real conflict.
    await expect(updateDeal(store, shown.id, shown.version, (d) => d)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test('isCurrentFor: only versions produced by mail reads are skipped', () => {
    expect(isCurrentFor({ version: 4 }, 4)).toBe(true);
    expect(isCurrentFor({ version: 4 }, 3)).toBe(false);
    expect(isCurrentFor({ version: 4, repVersion: 2 }, 2)).toBe(true);
    expect(isCurrentFor({ version: 4, repVersion: 2 }, 3)).toBe(true);
    expect(isCurrentFor({ version: 4, repVersion: 2 }, 1)).toBe(false);
    expect(isCurrentFor({ version: 4, repVersion: 2 }, 5)).toBe(false);
  });
});

describe('the threads of a contact', () => {
  test("linked ones and those naming one of its addresses, each once; relink leaves another contact's", async () => {
    const store = await openTestStore();
    const { contact: bob } = await upsertContact(store, { name: 'Bob Roe', emails: ['bob@acme.io'] });
    const own = await readMailThread(store, 't-own', ['jane@acme.io']);
    const pending = await readMailThread(store, 't-pending', ['j.doe@acme.io']);
    const bobs = await readMailThread(store, 't-bob', ['bob@acme.io', 'jane@acme.io']);
    await readMailThread(store, 't-other', ['carl@acme.io']);
    expect(bobs.contactId).toBe(bob.id);
    const { contact: jane } = await upsertContact(store, {
      name: 'Jane Doe',
      emails: ['jane@acme.io', 'J.Doe@acme.io'],
    });
    const tx = dbOf(store).transaction('threads');
    const found = await threadsNamingContact(tx.store, jane);
    expect(found.map((t) => t.id).sort()).toEqual([own.id, pending.id, bobs.id].sort());
    const relinked = await relinkThreadsOfContact(store, jane.id, policy);
    expect(relinked.map((t) => t.id).sort()).toEqual([own.id, pending.id].sort());
    expect((await getThread(store, bobs.id))?.contactId).toBe(bob.id);
  });
});
