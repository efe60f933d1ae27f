import { afterEach, describe, expect, test, vi } from 'vitest';
import { storedContacts } from '../db/test-store';
import {
  countContacts,
  createJob,
  getJob,
  openStore,
  readSnapshot,
  unfinishedJobs,
  upsertContact,
  type Job,
} from '../db';
import { cancelJob, driveJob, resumeJob, runNewJob, toJobView } from './job-runner';
import { importCsv } from './import';
import { parseAppEvent } from '../messages/events';

afterEach(() => vi.restoreAllMocks());

let seq = 0;
/** Two Stores on one database stand for the worker before and after the browser stopped it. */
const worker = (name: string) => openStore({ name });

const csv = (n: number) =>
  ['Email,First Name,Last Name,Job Title']
    .concat(Array.from({ length: n }, (_, i) => `k${i}@firma${i % 7}.de,Kim,Lee${i},Head of Sales`))
    .join('\n');

const never = () => new Promise<void>(() => undefined);

describe('running an import job', () => {
  test('progress is reported after every chunk, as a valid job event', async () => {
    const store = await worker(`runner-${++seq}`);
    const reports: Job[] = [];
    const report = await importCsv(store, csv(23), {
      mode: 'valid-rows',
      chunkRows: 5,
      hooks: { report: (job) => reports.push(job) },
    });
    expect(report).toMatchObject({ created: 23, merged: 0, written: true, state: 'done' });
    expect(reports.map((j) => j.done)).toEqual([0, 5, 10, 15, 20, 23]);
    for (const job of reports) expect(parseAppEvent({ kind: 'job', job: toJobView(job) })).toBeDefined();
  });

  test('the worker stops between chunks: the next wake resumes from the checkpoint, exactly once per row', async () => {
    const name = `runner-${++seq}`;
    const first = await worker(name);
    let chunks = 0;
    // The first worker dies after its third chunk: its driver never runs again.
    void runNewJob(
      first,
      {
        kind: 'import-csv',
        mode: 'valid-rows',
        inputs: Array.from({ length: 40 }, (_, i) => ({ name: `P${i}`, emails: [`p${i}@x.de`] })),
        errors: [],
        chunkRows: 6,
      },
      { yieldBetween: () => (++chunks >= 3 ? never() : Promise.resolve()) },
    );
    await vi.waitFor(async () => expect((await storedContacts(first)).length).toBe(18));
    const second = await worker(name);
    const [job] = await unfinishedJobs(second);
    expect(job).toMatchObject({ state: 'running', checkpoint: 3, done: 18 });
    const end = await driveJob(second, job!.id);
    expect(end).toMatchObject({ state: 'done', done: 40, created: 40 });
    const contacts = await storedContacts(second);
    expect(contacts).toHaveLength(40);
    expect(new Set(contacts.flatMap((c) => c.emailKeys)).size).toBe(40);
  });

  test('cancel while it runs: the driver turns round and rolls back to exactly the data before', async () => {
    const store = await worker(`runner-${++seq}`);
    await upsertContact(store, { name: 'Kim Lee3', emails: ['k3@firma3.de'], notes: 'existing' });
    const before = await readSnapshot(store);
    let cancel: Promise<Job> | undefined;
    const report = await importCsv(store, csv(30), {
      mode: 'valid-rows',
      chunkRows: 4,
      hooks: {
        report: (job) => {
          if (job.done === 12 && job.state === 'running' && !cancel) cancel = cancelJob(store, job.id);
        },
      },
    });
    expect(report).toMatchObject({ written: false, state: 'cancelled' });
    expect(await readSnapshot(store)).toEqual(before);
  });

  test('a failing chunk pauses the job at its row; resume finishes it', async () => {
    const store = await worker(`runner-${++seq}`);
    const original = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      // The staging transaction adds 3 chunks and the job; the second chunk's second row fails.
      if (++calls === 4 + 5 + 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const report = await importCsv(store, csv(15), { mode: 'valid-rows', chunkRows: 5 });
    vi.restoreAllMocks();
    expect(report).toMatchObject({ written: false, state: 'paused' });
    const paused = await getJob(store, report.jobId!);
    expect(paused).toMatchObject({ state: 'paused', done: 5, error: expect.stringMatching(/no room left/) });
    expect(await countContacts(store)).toBe(5);
    await resumeJob(store, report.jobId!);
    await vi.waitFor(async () =>
      expect(await getJob(store, report.jobId!)).toMatchObject({ state: 'done', done: 15 }),
    );
    expect(await countContacts(store)).toBe(15);
  });

  test('the staged path: an all-or-nothing import becomes visible in one step', async () => {
    const store = await worker(`runner-${++seq}`);
    const counts: number[] = [];
    const report = await importCsv(store, csv(12), {
      mode: 'all-or-nothing',
      chunkRows: 5,
      hooks: { report: () => void countContacts(store).then((n) => counts.push(n)) },
    });
    expect(report).toMatchObject({ created: 12, written: true, state: 'done' });
    await vi.waitFor(() => expect(counts).toHaveLength(2));
    expect(counts).toEqual([0, 12]);
  });

  test('a job created by a worker that died before running is carried on by the next', async () => {
    const name = `runner-${++seq}`;
    const first = await worker(name);
    const job = await createJob(first, {
      kind: 'import-vcard',
      mode: 'valid-rows',
      inputs: [{ name: 'Solo' }],
      errors: [],
    });
    const second = await worker(name);
    expect(await driveJob(second, job.id)).toMatchObject({ state: 'done', created: 1 });
  });
});
