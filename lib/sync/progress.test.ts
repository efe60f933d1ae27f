import { describe, expect, test } from 'vitest';
import { countContacts } from '../db';
import { dbOf } from '../db/internal';
import { createEngine, type SyncProgress } from './engine';
import { couchForTests } from './test-couch';
import { memoryKit, openRepStore, seedServer, teamRecords } from './test-kit';

const couch = couchForTests();
let dbs = 0;

/** A rep with an empty store and a team database of 3,000 records on the server. */
async function newRepOnBusyTeam() {
  const database = `progress-${++dbs}`;
  await couch.createDb(database);
  // 1,500 contacts, 750 deals with a note each.
  const records = teamRecords('gil', 1_500, 750);
  await seedServer(couch.url, database, records);
  const store = await openRepStore('ida');
  const engine = createEngine({
    store,
    kit: memoryKit,
    config: { url: couch.url, database, auth: 'none' },
    mirrorName: `mirror-ida-${database}-${Math.random()}`,
    batchSize: 100,
  });
  const ids = async (name: 'contacts' | 'deals' | 'activities') =>
    ((await dbOf(store).getAllKeys(name)) as string[]).sort();
  const want = (kind: string) =>
    records
      .filter((r) => r.kind === kind)
      .map((r) => r.id)
      .sort();
  return { database, records, store, engine, ids, want };
}

function expectMonotonic(events: SyncProgress[], field: keyof SyncProgress) {
  for (let i = 1; i < events.length; i++)
    expect(events[i]![field]).toBeGreaterThanOrEqual(events[i - 1]![field]);
}

describe('progress and stop of a long team sync', () => {
  test('an initial sync of 3,000 documents reports monotonic counts that end at the right total', async () => {
    const { store, engine } = await newRepOnBusyTeam();
    const events: SyncProgress[] = [];
    expect(await engine.bridge.synced()).toBe(false);
    const run = await engine.syncOnce({ onProgress: (p) => events.push(p) });
    expect(await engine.bridge.synced()).toBe(true);

    expect(run.received).toBe(3_000);
    for (const field of ['pulled', 'pushed', 'applied'] as const) expectMonotonic(events, field);
    // Seen along the way, not only at the end: batches of 100 arrive one by one.
    const midway = events.filter((e) => e.pulled > 0 && e.pulled < 3_000);
    expect(midway.length).toBeGreaterThan(5);
    // The estimate is known before the pull ends and never below what moved.
    expect(midway.every((e) => e.total >= e.pulled + e.pushed)).toBe(true);
    expect(midway.some((e) => e.total === 3_000)).toBe(true);
    // The store fills while the pull runs, not only at its end.
    expect(events.some((e) => e.applied > 0 && e.pulled < 3_000)).toBe(true);
    expect(events.at(-1)).toEqual({ pulled: 3_000, pushed: 0, applied: 3_000, total: 3_000 });
    expect(await countContacts(store)).toBe(1_500);
    await engine.close();
  }, 120_000);

  test('stop halfway: replication stops, what arrived is whole in the store, a later round completes without duplicates', async () => {
    const { database, store, engine, ids, want } = await newRepOnBusyTeam();
    const stop = new AbortController();
    const events: SyncProgress[] = [];
    const first = engine
      .syncOnce({
        signal: stop.signal,
        onProgress: (p) => {
          events.push(p);
          if (p.pulled >= 1_000) stop.abort(new Error('stopped by the rep'));
        },
      })
      .then(
        () => 'finished',
        (error: unknown) => error,
      );
    expect(await first).toMatchObject({ message: 'stopped by the rep' });
    // A stop is a pause, not an error.
    expect(engine.status().state).toBe('idle');
    expect(engine.status().error).toBeUndefined();
    // Still a first sync: the next start shows it as a job again.
    expect(await engine.bridge.synced()).toBe(false);

    // Replication stopped: nothing more arrives.
    const stoppedAt = (await engine.mirror.info()).doc_count;
    expect(stoppedAt).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await engine.mirror.info()).doc_count).toBe(stoppedAt);

    // Everything that reached the mirror is in the store, whole: each contact of the mirror is
    // a contact of the store, with its name.
    const mirrored = await engine.mirror.allDocs({ include_docs: true });
    const mirroredContacts = mirrored.rows.filter((r) => 'id' in r && r.id.startsWith('contact:'));
    expect(await countContacts(store)).toBe(mirroredContacts.length);
    for (const id of await ids('contacts')) {
      const contact = (await dbOf(store).get('contacts', id)) as { name?: string } | undefined;
      expect(contact?.name).toMatch(/^Person \d+$/);
    }

    // "Sync now" later: resumes from the checkpoint and ends with the team's records, each once.
    const later: SyncProgress[] = [];
    const rerun = await engine.syncOnce({ onProgress: (p) => later.push(p) });
    expect(rerun.received).toBeLessThan(3_000);
    expect(later.at(-1)!.pulled).toBe(later.at(-1)!.total);
    expect(await ids('contacts')).toEqual(want('contact'));
    expect(await ids('deals')).toEqual(want('deal'));
    expect(await ids('activities')).toEqual(want('activity'));
    expect((await engine.mirror.info()).doc_count).toBe(3_000);
    expect((await (await fetch(`${couch.url}/${database}`)).json()).doc_count).toBe(3_000);
    await engine.close();
  }, 120_000);
});
