import { testContact } from '../contacts/test-contact';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { openStore, type Store } from '../db';
import { startDeal } from '../pipeline';
import { createKit } from './kit';
import { toDoc, type Replica } from './docs';

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

/** `contacts` people, and for the first `deals` of them a deal with one note: a team's records. */
export function teamRecords(prefix: string, contacts: number, deals: number): Replica[] {
  const replicas: Replica[] = [];
  for (let i = 0; i < contacts; i++) {
    const id = `${prefix}-c${i}`;
    const email = `p${i}@firm${i % 97}.de`;
    replicas.push({
      kind: 'contact',
      id,
      record: testContact({
        id,
        name: `Person ${i}`,
        emails: [email],
        emailKeys: [email],
        createdAt: 1,
        updatedAt: 1,
      }),
    });
  }
  for (let i = 0; i < deals; i++) {
    const [deal, note, contactId] = [`${prefix}-d${i}`, `${prefix}-a${i}`, `${prefix}-c${i}`];
    replicas.push({
      kind: 'deal',
      id: deal,
      record: startDeal({ id: deal, contactId, title: `Deal ${i}`, now: 1 }),
    });
    replicas.push({
      kind: 'activity',
      id: note,
      record: {
        id: note,
        subjectId: deal,
        contactId,
        dealId: deal,
        kind: 'note',
        at: 1,
        text: `Note ${i}`,
        createdAt: 1,
        updatedAt: 1,
        version: 1,
      },
    });
  }
  return replicas;
}

/** Puts records straight onto a team server (as teammates' earlier syncs left them there). */
export async function seedServer(serverUrl: string, database: string, records: Replica[]): Promise<void> {
  const docs = records.map(toDoc);
  for (let i = 0; i < docs.length; i += 2_000) {
    const response = await fetch(`${serverUrl}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(i, i + 2_000) }),
    });
    if (response.status !== 201) throw new Error(`Seeding ${database} failed: ${response.status}`);
  }
}
