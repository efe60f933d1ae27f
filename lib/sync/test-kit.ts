import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { openStore, type Store } from '../db';
import { createKit } from './kit';

/**
 * Node tests: the same kit as the extension's, with an in-memory mirror (PouchDB's IndexedDB
 * adapters do not run on fake-indexeddb). The bridge, the replicator and the server are real.
 */
export const memoryKit = createKit(PouchDB.plugin(memory).plugin(http).plugin(replication), 'memory');

let stores = 0;
/** A store whose ids carry its own prefix, as two machines' ids never collide. */
export async function openRepStore(
  prefix: string,
  start = Date.UTC(2026, 0, 5, 9),
): Promise<Store & { tick(ms: number): void }> {
  let now = start;
  let id = 0;
  const store = await openStore({
    name: `sync-${prefix}-${++stores}-${Math.random()}`,
    now: () => now,
    newId: () => `${prefix}-${++id}`,
  });
  return Object.assign(store, { tick: (ms: number) => void (now += ms) });
}
