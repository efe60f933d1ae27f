import { afterEach, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { openTestStore, storedContacts } from './test-store';
import {
  countContacts,
  createJob,
  getJob,
  listJobs,
  publishJob,
  readSnapshot,
  transitionJob,
  undoJobChunk,
  upsertContact,
  writeJobChunk,
  type Store,
} from './index';
import { dbOf } from './internal';
import type { ContactInput } from '../contacts/contact';

afterEach(() => vi.restoreAllMocks());

const rows = (n: number, from = 0): ContactInput[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `Kim Lee${from + i}`,
    emails: [`k${from + i}@firma.de`],
    title: 'Head of Sales',
    tags: ['imported'],
  }));

async function writeAll(store: Store, id: string) {
  let job = await getJob(store, id);
  while (job?.state === 'running') job = await writeJobChunk(store, id);
  return job!;
}

async function cancelAll(store: Store, id: string) {
  let job = await transitionJob(store, id, ['running', 'paused'], 'cancelling');
  while (job.state === 'cancelling') job = (await undoJobChunk(store, id))!;
  return job;
}

describe('chunked import jobs', () => {
  test('the input is staged in chunks; each chunk commits with its checkpoint', async () => {
    const store = await openTestStore();
    const job = await createJob(store, {
      kind: 'import-csv',
      mode: 'valid-rows',
      inputs: rows(10),
      errors: [],
      chunkRows: 4,
    });
    expect(job).toMatchObject({ total: 10, chunks: 3, checkpoint: 0, done: 0, state: 'running' });
    const staged = await dbOf(store).getAll('jobChunks');
    expect(staged.map((c) => c.inputs.length)).toEqual([4, 4, 2]);
    const first = await writeJobChunk(store, job.id);
    expect(first).toMatchObject({ checkpoint: 1, done: 4, created: 4, state: 'running' });
    expect(await countContacts(store)).toBe(4);
    const last = await writeAll(store, job.id);
    expect(last).toMatchObject({ checkpoint: 3, done: 10, created: 10, merged: 0, state: 'done' });
    expect(await countContacts(store)).toBe(10);
    // A finished job keeps neither its staged rows nor its undo records.
    expect(await dbOf(store).count('jobChunks')).toBe(0);
    expect(await dbOf(store).count('jobUndo')).toBe(0);
    // A stale call after the end changes nothing.
    expect(await writeJobChunk(store, job.id)).toMatchObject({ state: 'done', done: 10 });
    expect(await countContacts(store)).toBe(10);
  });

  test('a chunk replayed by a second driver is applied once: no duplicate, the count is right', async () => {
    const store = await openTestStore();
    // Name-only rows would duplicate if a chunk were ever applied twice.
    const inputs = [...rows(6), { name: 'No Mail A' }, { name: 'No Mail B' }];
    const job = await createJob(store, {
      kind: 'import-csv',
      mode: 'valid-rows',
      inputs,
      errors: [],
      chunkRows: 3,
    });
    // Two "workers" race for every chunk.
    await Promise.all([writeAll(store, job.id), writeAll(store, job.id), writeJobChunk(store, job.id)]);
    const contacts = await storedContacts(store);
    expect(contacts).toHaveLength(8);
    expect(new Set(contacts.map((c) => c.name)).size).toBe(8);
    expect(await getJob(store, job.id)).toMatchObject({ done: 8, created: 8, state: 'done' });
  });

  test('rows already stored merge into their contact (by normalised e-mail) instead of duplicating', async () => {
    const store = await openTestStore();
    await upsertContact(store, { name: 'Kim Lee1', emails: ['K1@FIRMA.DE'], notes: 'met at fair' });
    const job = await createJob(store, {
      kind: 'import-csv',
      mode: 'valid-rows',
      inputs: rows(3),
      errors: [],
      chunkRows: 2,
    });
    expect(await writeAll(store, job.id)).toMatchObject({ created: 2, merged: 1, done: 3 });
    expect(await countContacts(store)).toBe(3);
  });

  test('one active job at a time; finished jobs are pruned to the last ten', async () => {
    const store = await openTestStore();
    const first = await createJob(store, {
      kind: 'import-csv',
      mode: 'valid-rows',
      inputs: rows(2),
      errors: [],
    });
    await expect(
      createJob(store, { kind: 'import-csv', mode: 'valid-rows', inputs: rows(2), errors: [] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await writeAll(store, first.id);
    for (let i = 0; i < 12; i++) {
      store.tick(1000);
      const job = await createJob(store, {
        kind: 'import-csv',
        mode: 'valid-rows',
        inputs: rows(1),
        errors: [],
      });
      await writeAll(store, job.id);
    }
    expect(await listJobs(store)).toHaveLength(10);
  });
});

describe('cancel restores exactly what was there', () => {
  async function seeded() {
    const store = await openTestStore();
    // Contacts the import will merge into: they must come back exactly, version and all.
    await upsertContact(store, {
      name: 'Kim Lee2',
      emails: ['k2@firma.de'],
      company: 'Firma',
      tags: ['vip'],
    });
    await upsertContact(store, { name: '', emails: ['k5@firma.de', 'kim5@private.de'] });
    await upsertContact(store, { name: 'Untouched', emails: ['other@acme.io'] });
    return store;
  }

  test('cancelled halfway: created contacts are gone, merged ones are as before', async () => {
    const store = await seeded();
    const before = await readSnapshot(store);
    // k2 appears twice, in two chunks: the second chunk merges into what the first changed.
    const inputs = [...rows(8), { name: 'Kim Again', emails: ['k2@firma.de'], phones: ['+49 30 1'] }];
    const job = await createJob(store, {
      kind: 'import-csv',
      mode: 'valid-rows',
      inputs,
      errors: [],
      chunkRows: 2,
    });
    for (let i = 0; i < 4; i++) await writeJobChunk(store, job.id);
    expect(await countContacts(store)).toBe(9);
    const cancelled = await cancelAll(store, job.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', done: 0, checkpoint: 0 });
    expect(await readSnapshot(store)).toEqual(before);
    expect(await dbOf(store).count('jobChunks')).toBe(0);
    expect(await dbOf(store).count('jobUndo')).toBe(0);
  });

  test('property: any file, any chunk size, cancelled at any chunk, leaves the store as before', async () => {
    const email = fc.integer({ min: 0, max: 12 }).map((i) => `p${i}@firma.de`);
    const input = fc.record({
      name: fc.constantFrom('', 'Ann', 'Bo Berg'),
      emails: fc.array(email, { maxLength: 2 }),
      tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(input, { maxLength: 4 }),
        fc.array(input, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        async (existing, imported, size, stopAt) => {
          const store = await openTestStore();
          for (const e of existing.filter((x) => x.name || x.emails.length)) await upsertContact(store, e);
          const before = await readSnapshot(store);
          const inputs = imported.filter((x) => x.name || x.emails.length);
          if (!inputs.length) return;
          const job = await createJob(store, {
            kind: 'import-csv',
            mode: 'valid-rows',
            inputs,
            errors: [],
            chunkRows: size,
          });
          for (let i = 0; i < stopAt % (job.chunks + 1); i++) await writeJobChunk(store, job.id);
          const end = await cancelAll(store, job.id);
          // A job that already finished cannot be cancelled; every other one is undone.
          if (end.state === 'done') return;
          expect(await readSnapshot(store)).toEqual(before);
          store.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  test('the staged path: nothing is visible until the one final step; cancelling it before leaves nothing', async () => {
    const store = await seeded();
    const before = await readSnapshot(store);
    const job = await createJob(store, {
      kind: 'import-csv',
      mode: 'all-or-nothing',
      inputs: rows(7),
      errors: [],
      chunkRows: 2,
    });
    // Chunk writes do not apply to a staged job: the store is untouched until it is published.
    expect(await writeJobChunk(store, job.id)).toMatchObject({ checkpoint: 0, state: 'running' });
    expect(await readSnapshot(store)).toEqual(before);
    const published = await publishJob(store, job.id);
    expect(published).toMatchObject({ state: 'done', done: 7, created: 5, merged: 2 });
    expect(await countContacts(store)).toBe(8);

    const second = await createJob(store, {
      kind: 'import-csv',
      mode: 'all-or-nothing',
      inputs: rows(3, 100),
      errors: [],
    });
    const snapshot = await readSnapshot(store);
    expect(await cancelAll(store, second.id)).toMatchObject({ state: 'cancelled' });
    expect(await readSnapshot(store)).toEqual(snapshot);
  });

  test('a failing write inside a chunk rolls that chunk back whole; the job stays at its checkpoint', async () => {
    const store = await openTestStore();
    const job = await createJob(store, {
      kind: 'import-csv',
      mode: 'valid-rows',
      inputs: rows(9),
      errors: [],
      chunkRows: 3,
    });
    await writeJobChunk(store, job.id);
    const original = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (++calls === 2) throw new DOMException('disk I/O error', 'UnknownError');
      return original.apply(this, args);
    });
    await expect(writeJobChunk(store, job.id)).rejects.toMatchObject({ code: 'unavailable' });
    vi.restoreAllMocks();
    expect(await countContacts(store)).toBe(3);
    expect(await getJob(store, job.id)).toMatchObject({ checkpoint: 1, done: 3 });
    expect(await writeAll(store, job.id)).toMatchObject({ state: 'done', done: 9, created: 9 });
    expect(await countContacts(store)).toBe(9);
  });
});
