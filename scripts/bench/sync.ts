import 'fake-indexeddb/auto';
import { updateDeal, writeReplicas } from '../../lib/db';
import { scheduleNextAction } from '../../lib/pipeline';
import { createEngine } from '../../lib/sync/engine';
import { memoryKit, openRepStore, teamRecords } from '../../lib/sync/test-kit';
import { startCouch } from '../../lib/sync/test-server';
import { table, type Row } from './measure';
import { dbOf } from '../../lib/db/internal';

/**
 * Team sync beside the bare PouchDB replication of the same documents from the same server:
 * what the bridge (validation, repositories, IndexedDB) adds to the replicator's own cost.
 */
let seq = 0;
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

export async function syncBench(): Promise<string> {
  const couch = await startCouch();
  const rows: Row[] = [];
  try {
    await couch.createDb('bench');
    const config = { url: couch.url, database: 'bench', auth: 'none' as const };
    const engineFor = async (name: string) => {
      const store = await openRepStore(name);
      return {
        store,
        engine: createEngine({ store, kit: memoryKit, config, mirrorName: `bench-${name}-${++seq}` }),
      };
    };
    // The team's 10,000 records on the server: 4,000 contacts, 3,000 deals, 3,000 notes.
    const seed = await engineFor('seed');
    await writeReplicas(seed.store, teamRecords('seed', 4_000, 3_000));
    await seed.engine.reconcile();
    await seed.engine.syncOnce();
    const remote = memoryKit.remote(`${couch.url}/bench`);

    const ours = await engineFor('new-rep');
    const oursMs = await time(() => ours.engine.syncOnce());
    const bare = memoryKit.local(`bench-bare-${++seq}`);
    const bareMs = await time(async () => {
      await memoryKit.replicate(remote, bare);
    });
    rows.push({
      case: 'initial sync, 10,000 records into an empty profile',
      ms: oursMs,
      baselineMs: bareMs,
      note: 'replicate + validate + write through the repositories',
    });

    // A worker start with everything in step: the reconcile both ways (mirror -> store, then
    // store -> mirror) beside reading the same 10,000 documents from a bare PouchDB copy.
    const startMs = await time(() => ours.engine.reconcile());
    const readMs = await time(() => bare.allDocs({ include_docs: true }));
    rows.push({
      case: 'worker start, 10,000 records in step: reconcile both ways',
      ms: startMs,
      baselineMs: readMs,
      note: 'bare: read every document of a PouchDB copy once',
    });

    // One change's round trip: rep A edits a deal, rep B has it in its store (one-shot syncs).
    const peer = await engineFor('peer');
    await peer.engine.syncOnce();
    const trips: number[] = [];
    const bareTrips: number[] = [];
    const bareA = memoryKit.local(`bench-bare-a-${++seq}`);
    const bareB = memoryKit.local(`bench-bare-b-${++seq}`);
    await memoryKit.replicate(remote, bareA);
    await memoryKit.replicate(remote, bareB);
    for (let i = 0; i < 7; i++) {
      const deal = (await dbOf(ours.store).get('deals', 'seed-d1'))!;
      trips.push(
        await time(async () => {
          await updateDeal(ours.store, deal.id, deal.version, (d, now) =>
            scheduleNextAction(d, { text: `Call ${i}`, due: now + 1 }, now),
          );
          await ours.engine.syncOnce();
          await peer.engine.syncOnce();
        }),
      );
      const doc = await bareA.get('deal:seed-d1');
      bareTrips.push(
        await time(async () => {
          await bareA.put({ ...doc, record: { ...(doc.record as object), title: `Call ${i}` } });
          await memoryKit.replicate(bareA, remote);
          await memoryKit.replicate(remote, bareB);
        }),
      );
      if ((await dbOf(peer.store).get('deals', 'seed-d1'))?.nextAction?.text !== `Call ${i}`)
        throw new Error('the change did not arrive');
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    rows.push({
      case: "one deal change's round trip, rep A to rep B (median of 7)",
      ms: mid(trips),
      baselineMs: mid(bareTrips),
      note: 'A: flush + push + pull + apply; B: the same',
    });
    for (const e of [seed, ours, peer]) await e.engine.close();
  } finally {
    await couch.stop();
  }
  return table(
    'Team sync (pouchdb-server on loopback, in-memory mirror)',
    'bare PouchDB replication of the same documents',
    rows,
  );
}

if (process.argv[1]?.endsWith('sync.ts')) console.log(await syncBench());
