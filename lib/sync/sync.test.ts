import { describe, expect, test } from 'vitest';
import {
  addActivity,
  countContacts,
  createDeal,
  forgetContact,
  getContact,
  restorePerson,
  getDeal,
  updateContact,
  updateDeal,
  upsertContact,
  type Store,
} from '../db';
import { activitiesOf } from '../db/activities';
import { getThread, recordThreadRead, threadsOfDeal, type FollowUpPolicy } from '../db/threads';
import { advance, startDeal, scheduleNextAction } from '../pipeline';
import { STEPS } from '../pipeline/steps';
import type { ThreadMessage } from '../threads';
import { createEngine, type Engine } from './engine';
import { startOutageProxy } from './test-server';
import { couchForTests } from './test-couch';
import { memoryKit, openRepStore, seedServer, teamRecords } from './test-kit';
import { toDoc } from './docs';
import { dbOf } from '../db/internal';

const couch = couchForTests();
let dbs = 0;

const policy: FollowUpPolicy = { timeZone: 'UTC', workingDays: (s) => STEPS[s].followUpWorkingDays };
const sent = { id: 'm1', at: Date.UTC(2026, 0, 5, 8), direction: 'out' as const };
const answer = { id: 'm2', at: Date.UTC(2026, 0, 5, 8, 30), direction: 'in' as const };

/** A Gmail thread with Jane as a rep's mailbox shows it. */
function mail(threadId: string, messages: ThreadMessage[], prospect = 'jane@acme.io') {
  return {
    provider: 'gmail' as const,
    threadId,
    subject: 'Conveyors for Acme',
    owner: 'rep@seller.io',
    participants: [{ email: prospect }],
    prospectKeys: [prospect],
    focusKey: prospect,
    messages,
    mailbox: { account: 0 },
  };
}

type Rep = Awaited<ReturnType<typeof team>>['reps'][number];

/** Two reps in step on one contact with one deal. */
async function twoRepsWithDeal(names: [string, string], person: string, email: string, title: string) {
  const { reps } = await team(names);
  const [a, b] = reps as [Rep, Rep];
  const { contact } = await upsertContact(a.store, { name: person, emails: [email] });
  const deal = await createDeal(a.store, { contactId: contact.id, title, fitConfirmed: true });
  await a.engine.syncOnce();
  await b.engine.syncOnce();
  return { reps, a, b, deal };
}

/** The next-action texts of every version of a deal in conflict, as a rep's bridge shows them. */
async function conflictTexts(rep: Rep, dealId: string): Promise<(string | undefined)[]> {
  const view = (await rep.engine.bridge.conflict('deal', dealId))!;
  return [view.current, ...view.others.map((o) => o.replica)]
    .map((r) => (r.record as { nextAction?: { text: string } }).nextAction?.text)
    .sort();
}

async function team(names: string[], url = couch.url) {
  const database = `team-${++dbs}`;
  await couch.createDb(database);
  const reps: { store: Store & { tick(ms: number): void }; engine: Engine }[] = [];
  for (const name of names) {
    const store = await openRepStore(name);
    const engine = createEngine({
      store,
      kit: memoryKit,
      config: { url, database, auth: 'none' },
      mirrorName: `mirror-${name}-${database}-${Math.random()}`,
    });
    reps.push({ store, engine });
  }
  return { database, reps };
}

describe('team sync through a CouchDB-protocol server', () => {
  test('a new contact and a deal advance travel both ways; a forgotten person is deleted everywhere', async () => {
    const { reps } = await team(['anna', 'ben']);
    const [a, b] = reps as [(typeof reps)[0], (typeof reps)[0]];
    const { contact } = await upsertContact(a.store, {
      name: 'Jane Roe',
      emails: ['jane@acme.io'],
      company: 'Acme',
    });
    const deal = await createDeal(a.store, { contactId: contact.id, title: 'Conveyors', fitConfirmed: true });
    await a.engine.syncOnce();
    const got = await b.engine.syncOnce();
    expect(got.applied.written).toBe(2);
    expect((await getContact(b.store, contact.id))?.name).toBe('Jane Roe');
    // The search index is rebuilt from the record on the receiving side.
    expect((await getContact(b.store, contact.id))?.searchTerms).toContain('acme');
    expect((await getDeal(b.store, deal.id))?.step).toBe('initiate');

    // Ben logs the call and advances; Anna sees both.
    b.store.tick(60_000);
    const { deal: called } = await addActivity(b.store, {
      contactId: contact.id,
      dealId: deal.id,
      kind: 'call',
      text: 'Intro call',
    });
    const moved = await updateDeal(b.store, deal.id, called!.version, (d, now) => advance(d, now));
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    const seen = await getDeal(a.store, deal.id);
    expect(seen).toMatchObject({ step: 'discover', version: moved.version });
    expect((seen as { dueAt?: number } | undefined)?.dueAt).toBeDefined();
    expect(await dbOf(a.store).count('activities')).toBe(1);

    // An echo is not a change: syncing again sends nothing.
    expect((await a.engine.syncOnce()).sent).toBe(0);

    // "Forget this person" on Anna's machine reaches Ben as deletions.
    await forgetContact(a.store, contact.id);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(await getContact(b.store, contact.id)).toBeUndefined();
    expect(await getDeal(b.store, deal.id)).toBeUndefined();
    expect(await dbOf(b.store).count('activities')).toBe(0);
    for (const r of reps) await r.engine.close();
  });

  test('concurrent edits of one deal surface as a conflict with both versions, and resolve everywhere', async () => {
    const { reps, a, b, deal } = await twoRepsWithDeal(
      ['cara', 'dan'],
      'Max Muster',
      'max@muster.de',
      'Line 2',
    );

    // Both edit the same version apart.
    await updateDeal(a.store, deal.id, deal.version, (d, now) =>
      scheduleNextAction(d, { text: 'Call Max', due: now + 1 }, now),
    );
    await updateDeal(b.store, deal.id, deal.version, (d, now) =>
      scheduleNextAction(d, { text: 'Mail Max', due: now + 2 }, now),
    );
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();

    for (const rep of [a, b]) {
      expect(await rep.engine.bridge.conflictIds()).toEqual([`deal:${deal.id}`]);
      const view = await rep.engine.bridge.conflict('deal', deal.id);
      // Nothing is lost: both versions are there, on both machines, with the same winner.
      expect(await conflictTexts(rep, deal.id)).toEqual(['Call Max', 'Mail Max']);
      expect((await getDeal(rep.store, deal.id))?.nextAction?.text).toBe(
        (view!.current.record as { nextAction?: { text: string } }).nextAction?.text,
      );
    }

    // Cara merges: her text, Dan's date.
    const view = (await a.engine.bridge.conflict('deal', deal.id))!;
    const base = view.current.record as ReturnType<typeof startDeal>;
    const merged = { ...base, nextAction: { text: 'Call Max, then mail', due: base.nextAction!.due } };
    const resolved = await a.engine.bridge.resolve({ kind: 'deal', id: deal.id, record: merged });
    expect(resolved.record).toMatchObject({ version: 3 });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    for (const rep of [a, b]) {
      expect(await rep.engine.bridge.conflictIds()).toEqual([]);
      expect(await rep.engine.bridge.conflict('deal', deal.id)).toBeUndefined();
      expect(await getDeal(rep.store, deal.id)).toMatchObject({
        version: 3,
        nextAction: { text: 'Call Max, then mail' },
      });
    }
    for (const r of reps) await r.engine.close();
  });

  test("an edit made here while a teammate's edit of the same deal arrives is neither overwritten nor overwrites: a conflict", async () => {
    const { reps, a, b, deal } = await twoRepsWithDeal(['gus', 'hal'], 'Uma Berg', 'uma@berg.se', 'Dock 4');
    await updateDeal(a.store, deal.id, deal.version, (d, now) =>
      scheduleNextAction(d, { text: 'Call Uma', due: now + 1 }, now),
    );
    await a.engine.syncOnce();
    // Hal edits; before his change is flushed, live replication brings Gus's into his mirror.
    await updateDeal(b.store, deal.id, deal.version, (d, now) =>
      scheduleNextAction(d, { text: 'Visit Uma', due: now + 2 }, now),
    );
    await memoryKit.replicate(b.engine.remote, b.engine.mirror);
    await b.engine.bridge.applyIncoming();
    expect((await getDeal(b.store, deal.id))?.nextAction?.text).toBe('Visit Uma');
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    for (const rep of [a, b]) {
      expect(await rep.engine.bridge.conflictIds()).toEqual([`deal:${deal.id}`]);
      expect(await conflictTexts(rep, deal.id)).toEqual(['Call Uma', 'Visit Uma']);
    }
    for (const r of reps) await r.engine.close();
  });

  test("a teammate's edit is never overwritten by one made here on an older revision, whatever the version numbers", async () => {
    const { reps } = await team(['ivo', 'jan']);
    const [a, b] = reps as [Rep, Rep];
    const { contact } = await upsertContact(a.store, { name: 'Kim Obi', emails: ['kim@obi.ng'] });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    // Jan edits once (version 2); Ivo edits twice (version 3) before his live flush, while live
    // replication has already brought Jan's edit into his mirror.
    const jan = await updateContact(b.store, contact.id, contact.version, { title: 'CTO' });
    await b.engine.syncOnce();
    const once = await updateContact(a.store, contact.id, contact.version, { company: 'Obi Ltd' });
    const twice = await updateContact(a.store, contact.id, once.version, { notes: 'Met in Lagos' });
    expect([jan.version, twice.version]).toEqual([2, 3]);
    await memoryKit.replicate(a.engine.remote, a.engine.mirror);
    await a.engine.bridge.flush();
    for (let round = 0; round < 2; round++) for (const r of reps) await r.engine.syncOnce();
    for (const rep of [a, b]) {
      expect(await rep.engine.bridge.conflictIds()).toEqual([`contact:${contact.id}`]);
      const view = (await rep.engine.bridge.conflict('contact', contact.id))!;
      const versions = [view.current, ...view.others.map((o) => o.replica)].map((r) => r.record);
      expect(
        versions.map((r) => (r as { title?: string }).title ?? (r as { notes?: string }).notes).sort(),
      ).toEqual(['CTO', 'Met in Lagos']);
    }
    for (const r of reps) await r.engine.close();
  });

  test("at a start, a record edited here before a worker stop and a teammate's edit of the same version both stay", async () => {
    const { reps, database } = await team(['kai', 'lou']);
    const [a, b] = reps as [Rep, Rep];
    const { contact } = await upsertContact(a.store, { name: 'Ada Cole', emails: ['ada@cole.ie'] });
    const config = { url: couch.url, database, auth: 'none' as const };
    const mirrorName = `mirror-kai-restart-${Math.random()}`;
    const before = createEngine({ store: a.store, kit: memoryKit, config, mirrorName });
    await before.reconcile();
    await before.syncOnce();
    await b.engine.syncOnce();
    await updateContact(b.store, contact.id, contact.version, { title: 'CTO' });
    await b.engine.syncOnce();
    // Live replication brings Lou's edit into Kai's mirror; Kai's worker stops before it is
    // applied, and Kai edits the same version before the next start (nothing noted, nothing sent).
    await memoryKit.replicate(before.remote, before.mirror);
    await before.close();
    await updateContact(a.store, contact.id, contact.version, { title: 'CEO' });
    const after = createEngine({ store: a.store, kit: memoryKit, config, mirrorName });
    expect(after.bridge.pendingCount).toBe(0);
    await after.reconcile();
    await after.syncOnce();
    await b.engine.syncOnce();
    for (const engine of [after, b.engine]) {
      const view = (await engine.bridge.conflict('contact', contact.id))!;
      expect(view).toBeDefined();
      const titles = [view.current, ...view.others.map((o) => o.replica)].map(
        (r) => (r.record as { title?: string }).title,
      );
      expect(titles.sort()).toEqual(['CEO', 'CTO']);
    }
    await after.close();
    for (const r of reps) await r.engine.close();
  });

  test('linked threads travel both ways, one e-mail read on two machines ends as one activity, forget removes the threads everywhere', async () => {
    const { reps } = await team(['lea', 'max']);
    const [a, b] = reps as [(typeof reps)[0], (typeof reps)[0]];
    const { contact } = await upsertContact(a.store, { name: 'Jane Doe', emails: ['jane@acme.io'] });
    const deal = await createDeal(a.store, { contactId: contact.id, title: 'Conveyors', fitConfirmed: true });
    // A thread read before Jane was saved elsewhere stays on the machine that read it.
    await recordThreadRead(
      a.store,
      mail('t0', [{ id: 'm0', at: 1, direction: 'in' }], 'nobody@else.io'),
      policy,
    );
    const thread = (await recordThreadRead(a.store, mail('t1', [sent]), policy))!;
    expect(thread).toMatchObject({ contactId: contact.id, dealId: deal.id });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(await threadsOfDeal(b.store, deal.id)).toEqual([await getThread(a.store, thread.id)]);
    expect(await getThread(b.store, 'gmail:t0')).toBeUndefined();
    expect((await activitiesOf(b.store, deal.id)).map((x) => x.messageId)).toEqual(['gmail:m1']);

    // Ben's machine reads the same mailbox: the reply is added there and reaches Anna's.
    b.store.tick(60_000);
    await recordThreadRead(b.store, mail('t1', [sent, answer]), policy);
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect((await getThread(a.store, thread.id))?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect((await activitiesOf(a.store, deal.id)).map((x) => x.messageId).sort()).toEqual([
      'gmail:m1',
      'gmail:m2',
    ]);

    // Both machines read a new thread before either synced: each logged the e-mail with its
    // own id. After sync both hold the same one activity for it, and no conflict is left.
    const later = { id: 'm3', at: Date.UTC(2026, 0, 6, 9), direction: 'in' as const };
    await recordThreadRead(a.store, mail('t2', [later]), policy);
    await recordThreadRead(b.store, mail('t2', [later]), policy);
    const m3 = async (store: Store) =>
      (await activitiesOf(store, deal.id)).filter((x) => x.messageId === 'gmail:m3');
    const keeper = [(await m3(a.store))[0]!.id, (await m3(b.store))[0]!.id].sort()[0];
    for (let round = 0; round < 2; round++) for (const r of reps) await r.engine.syncOnce();
    for (const r of reps) {
      expect((await m3(r.store)).map((x) => x.id)).toEqual([keeper]);
      expect(await getThread(r.store, 'gmail:t2')).toMatchObject({ dealId: deal.id });
      expect(await r.engine.bridge.conflictIds()).toEqual([]);
    }

    // "Forget this person" on Anna's machine: the threads go everywhere, as deletions.
    await forgetContact(a.store, contact.id);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(await dbOf(b.store).count('threads')).toBe(0);
    expect(await dbOf(b.store).count('activities')).toBe(0);
    expect(await getContact(b.store, contact.id)).toBeUndefined();
    const gone = await b.engine.mirror.allDocs({ keys: ['thread:gmail:t1', 'thread:gmail:t2'] });
    expect(gone.rows.map((r) => ('value' in r ? r.value?.deleted : undefined))).toEqual([true, true]);
    for (const r of reps) await r.engine.close();
  });

  test('forget and its undo on one machine: the person and a thread they were in stay on both machines', async () => {
    const { reps } = await team(['ron', 'sue']);
    const [a, b] = reps as [Rep, Rep];
    const { contact: tom } = await upsertContact(a.store, { name: 'Tom Tal', emails: ['tom@tal.io'] });
    const { contact: jane } = await upsertContact(a.store, { name: 'Jane Roe', emails: ['jane@acme.io'] });
    await createDeal(a.store, { contactId: tom.id, title: 'Tal', fitConfirmed: true });
    // Tom's thread with Jane in copy: forgetting Jane takes her out of it, the undo puts her back.
    const both = ['tom@tal.io', 'jane@acme.io'];
    const thread = await recordThreadRead(
      a.store,
      {
        ...mail('t9', [sent], 'tom@tal.io'),
        participants: both.map((email) => ({ email })),
        prospectKeys: both,
      },
      policy,
    ).then((t) => t!);
    expect(thread.contactId).toBe(tom.id);
    for (const r of reps) await r.engine.syncOnce();
    const gone = await forgetContact(a.store, jane.id);
    expect(gone.threads.map((t) => t.id)).toEqual([thread.id]);
    for (const r of reps) await r.engine.syncOnce();
    const forgotten = (await getThread(b.store, thread.id))!;
    expect(forgotten.prospectKeys).toEqual(['tom@tal.io']);

    await restorePerson(a.store, gone);
    for (let round = 0; round < 2; round++) for (const r of reps) await r.engine.syncOnce();
    for (const r of reps) {
      expect(await getContact(r.store, jane.id)).toMatchObject({ name: 'Jane Roe' });
      expect((await getThread(r.store, thread.id))?.prospectKeys.sort()).toEqual([
        'jane@acme.io',
        'tom@tal.io',
      ]);
      // A version never goes back: the undo is the change after the forget's.
      expect((await getThread(r.store, thread.id))!.version).toBeGreaterThan(forgotten.version);
      expect(await r.engine.bridge.conflictIds()).toEqual([]);
      const doc = await r.engine.mirror.get(`thread:${thread.id}`, { conflicts: true });
      expect(doc._conflicts ?? []).toEqual([]);
    }
    for (const r of reps) await r.engine.close();
  });

  test('two reps who saved the same person apart end with one contact holding the address', async () => {
    const { reps } = await team(['eva', 'finn']);
    const [a, b] = reps as [(typeof reps)[0], (typeof reps)[0]];
    await upsertContact(a.store, { name: 'Jo Lee', emails: ['jo@lee.io'] });
    await upsertContact(b.store, { name: 'Jo Lee', emails: ['JO@lee.io'] });
    // Two machines' clocks never agree.
    b.store.tick(90_000);
    for (let round = 0; round < 2; round++) for (const r of reps) await r.engine.syncOnce();
    for (const r of reps) {
      const all = await dbOf(r.store).getAll('contacts');
      expect(all).toHaveLength(2);
      expect(all.filter((c) => c.emailKeys.includes('jo@lee.io')).map((c) => c.id)).toEqual(['eva-1']);
    }
    // Both machines took the address from the same contact: one change, not a conflict the
    // rep could never resolve (the sidebar resolves deals only).
    for (const r of reps) await r.engine.syncOnce();
    for (const r of reps) {
      expect(await r.engine.bridge.conflictIds()).toEqual([]);
      expect(await r.engine.bridge.conflict('contact', 'finn-1')).toBeUndefined();
      expect(await getContact(r.store, 'finn-1')).toMatchObject({ version: 2, emailKeys: [] });
    }
    for (const r of reps) await r.engine.close();
  });

  test('a person forgotten while no change was noted is deleted at the next start, everywhere, and never comes back', async () => {
    const { reps, database } = await team(['ivy', 'joe']);
    const [a, b] = reps as [Rep, Rep];
    const config = { url: couch.url, database, auth: 'none' as const };
    const mirrorName = `mirror-ivy-restart-${Math.random()}`;
    // Ola was synced and applied back long ago; Pia was sent to the mirror just before the
    // worker stopped (her echo not yet applied); Rut was edited while the worker slept.
    const { contact: ola } = await upsertContact(a.store, { name: 'Ola Nord', emails: ['ola@nord.no'] });
    const { contact: rut } = await upsertContact(a.store, { name: 'Rut Sand', emails: ['rut@sand.se'] });
    const before = createEngine({ store: a.store, kit: memoryKit, config, mirrorName });
    await before.reconcile();
    await before.syncOnce();
    await b.engine.syncOnce();
    const { contact: pia } = await upsertContact(a.store, { name: 'Pia Lund', emails: ['pia@lund.dk'] });
    await before.bridge.flush();
    await before.close();

    // While no engine watches (the worker woke on "forget" itself, or stopped within the flush
    // debounce), both are forgotten and Rut edited.
    await forgetContact(a.store, ola.id);
    await forgetContact(a.store, pia.id);
    await updateContact(a.store, rut.id, rut.version, { title: 'CFO' });

    const after = createEngine({ store: a.store, kit: memoryKit, config, mirrorName });
    await after.reconcile();
    expect(await getContact(a.store, ola.id)).toBeUndefined();
    expect(await getContact(a.store, pia.id)).toBeUndefined();
    await after.syncOnce();
    await b.engine.syncOnce();
    expect(await getContact(b.store, ola.id)).toBeUndefined();
    expect(await getContact(b.store, pia.id)).toBeUndefined();
    expect((await getContact(b.store, rut.id))?.title).toBe('CFO');
    const onServer = (await (
      await fetch(
        `${couch.url}/${database}/_all_docs?keys=${encodeURIComponent(
          JSON.stringify([`contact:${ola.id}`, `contact:${pia.id}`]),
        )}`,
      )
    ).json()) as { rows: { value?: { deleted?: boolean } }[] };
    expect(onServer.rows.map((r) => r.value?.deleted)).toEqual([true, true]);
    // The next starts bring nobody back, and send nothing again.
    expect((await after.reconcile()).outgoing).toBe(0);
    await after.close();
    const again = createEngine({ store: a.store, kit: memoryKit, config, mirrorName });
    expect(await again.reconcile()).toMatchObject({ incoming: { written: 0 }, outgoing: 0 });
    expect(await countContacts(a.store)).toBe(1);
    await again.close();
    for (const r of reps) await r.engine.close();
  });

  test('live sync through an outage: the engine restarts its replications and what the team wrote meanwhile arrives', async () => {
    const proxy = await startOutageProxy(couch.port);
    const { reps, database } = await team(['jon'], proxy.url);
    const a = reps[0]!;
    a.engine.startLive();
    await expect.poll(() => a.engine.status().state, { timeout: 10_000 }).toBe('live');
    await proxy.cut();
    // The team writes while this machine cannot reach the server.
    const docs = teamRecords('liv', 300, 0).map(toDoc);
    const response = await fetch(`${couch.url}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    expect(response.status).toBe(201);
    await expect.poll(() => a.engine.status().state, { timeout: 20_000 }).toBe('error');
    await proxy.restore();
    await expect.poll(() => countContacts(a.store), { timeout: 30_000 }).toBe(300);
    // Caught up again: live, and the outage's error is gone.
    await expect
      .poll(() => a.engine.status().state === 'live' && !a.engine.status().error, { timeout: 10_000 })
      .toBe(true);
    for (const r of reps) await r.engine.close();
    await proxy.close();
  }, 60_000);

  test('a server that goes away during a 10,000-record initial sync: the rerun resumes to the right count, no duplicates', async () => {
    const proxy = await startOutageProxy(couch.port);
    const { reps, database } = await team(['hana'], proxy.url);
    const b = reps[0]!;
    // The team's 10,000 records are on the server already (written there directly).
    const records = teamRecords('gil', 4_000, 3_000);
    await seedServer(couch.url, database, records);

    // Hana's first sync: the server goes away once part of it has arrived.
    const first = b.engine.syncOnce().then(
      () => 'finished',
      (error: unknown) => error,
    );
    let cut = false;
    for (let i = 0; i < 600 && !cut; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if ((await b.engine.mirror.info()).doc_count >= 2_000) {
        await proxy.cut();
        cut = true;
      }
    }
    expect(cut).toBe(true);
    expect(await first).toBeInstanceOf(Error);
    expect(b.engine.status()).toMatchObject({ state: 'error', error: { code: 'offline' } });
    const before = (await b.engine.mirror.info()).doc_count;
    expect(before).toBeLessThan(10_000);

    await proxy.restore();
    const rerun = await b.engine.syncOnce();
    // Resumed from the checkpoint: fewer than all documents were read again. (How many is timing:
    // requests in flight at the cut can still land after \`before\` was read.)
    expect(rerun.received).toBeLessThan(10_000);
    // Every record is in the store once the rerun returns: exactly the team's records.
    expect(rerun.applied.refused).toEqual([]);
    const ids = async (name: 'contacts' | 'deals' | 'activities') =>
      ((await dbOf(b.store).getAllKeys(name)) as string[]).sort();
    const want = (kind: string) =>
      records
        .filter((r) => r.kind === kind)
        .map((r) => r.id)
        .sort();
    expect(await countContacts(b.store)).toBe(4_000);
    expect(await ids('contacts')).toEqual(want('contact'));
    expect(await ids('deals')).toEqual(want('deal'));
    expect(await ids('activities')).toEqual(want('activity'));
    // The 10,000 records, each once, in Hana's copy as on the server.
    expect((await b.engine.mirror.info()).doc_count).toBe(10_000);
    expect((await (await fetch(`${couch.url}/${database}`)).json()).doc_count).toBe(10_000);
    for (const r of reps) await r.engine.close();
    await proxy.close();
  }, 240_000);
});
