import type { Contact, ContactInput } from '../contacts/contact';
import { upsertManyInStore } from './contacts';
import { asStoreError, StoreError } from './errors';
import { abandon, committed, dbOf } from './internal';
import { STRICT, type Store } from './open';
import type { Job, JobKind, JobMode, JobRowError, JobState } from './job-types';

export * from './job-types';

/** Rows per chunk transaction: a worker stop loses at most this much work; fewer commits go faster (BENCHMARKS.md). */
export const CHUNK_ROWS = 2_000;
/** Broken rows kept on a job (the count is kept in full). */
const MAX_ERRORS = 100;
/** Finished jobs kept for the rep to see; older ones are pruned when a new one starts. */
const KEEP_FINISHED = 10;

const ACTIVE: readonly JobState[] = ['running', 'paused', 'cancelling'];
const allChunksOf = (jobId: string) => IDBKeyRange.bound([jobId, 0], [jobId, Infinity]);

export interface NewJob {
  kind: JobKind;
  mode: JobMode;
  inputs: ContactInput[];
  errors: JobRowError[];
  skipped?: number;
  chunkRows?: number;
}

/**
 * Stages a job: its record and its input in chunks, in one transaction (the job exists with all
 * its input, or not at all). One job is active at a time.
 */
export async function createJob(store: Store, spec: NewJob): Promise<Job> {
  const size = Math.max(1, spec.chunkRows ?? CHUNK_ROWS);
  const now = store.now();
  const job: Job = {
    id: store.newId(),
    kind: spec.kind,
    mode: spec.mode,
    state: 'running',
    total: spec.inputs.length,
    chunks: Math.ceil(spec.inputs.length / size),
    checkpoint: 0,
    done: 0,
    created: 0,
    merged: 0,
    errors: spec.errors.slice(0, MAX_ERRORS),
    errorCount: spec.errors.length,
    skipped: spec.skipped ?? 0,
    startedAt: now,
    updatedAt: now,
    runStartedAt: now,
    runStartDone: 0,
  };
  try {
    const tx = dbOf(store).transaction(['jobs', 'jobChunks', 'jobUndo'], 'readwrite', STRICT);
    const jobs = tx.objectStore('jobs');
    for (const state of ACTIVE) {
      if (await jobs.index('byState').count(state)) {
        abandon(tx);
        throw new StoreError('conflict', 'Another import is still running. Wait for it, or cancel it.');
      }
    }
    const finished = (await jobs.getAll()).sort((a, b) => b.startedAt - a.startedAt).slice(KEEP_FINISHED - 1);
    for (const old of finished) {
      await jobs.delete(old.id);
      await tx.objectStore('jobChunks').delete(allChunksOf(old.id));
      await tx.objectStore('jobUndo').delete(allChunksOf(old.id));
    }
    await jobs.add(job);
    const chunks = tx.objectStore('jobChunks');
    for (let index = 0; index < job.chunks; index++)
      void chunks.add({ jobId: job.id, index, inputs: spec.inputs.slice(index * size, (index + 1) * size) });
    await tx.done;
  } catch (error) {
    throw asStoreError(error);
  }
  return job;
}

export async function getJob(store: Store, id: string): Promise<Job | undefined> {
  return dbOf(store).get('jobs', id);
}

/** Every kept job, newest first (bounded: active ones and the last finished ones). */
export async function listJobs(store: Store): Promise<Job[]> {
  return (await dbOf(store).getAll('jobs')).sort((a, b) => b.startedAt - a.startedAt);
}

/** Jobs the worker should carry on with when it wakes. */
export async function unfinishedJobs(store: Store): Promise<Job[]> {
  const tx = dbOf(store).transaction('jobs');
  const [running, cancelling] = await Promise.all([
    tx.store.index('byState').getAll('running'),
    tx.store.index('byState').getAll('cancelling'),
  ]);
  return [...running, ...cancelling];
}

/**
 * Moves a job from one of `from` to `to` (a stale transition leaves it as it is). Resuming
 * restarts the run's rate measurement.
 */
export async function transitionJob(
  store: Store,
  id: string,
  from: readonly JobState[],
  to: JobState,
  error?: string,
): Promise<Job> {
  try {
    const tx = dbOf(store).transaction('jobs', 'readwrite', STRICT);
    const job = await tx.store.get(id);
    if (!job) throw new StoreError('not-found', 'This import no longer exists.');
    if (!from.includes(job.state)) {
      await tx.done;
      return job;
    }
    const now = store.now();
    const next: Job = { ...job, state: to, updatedAt: now, error: error?.slice(0, 500) };
    if (to === 'running' || to === 'cancelling')
      Object.assign(next, { runStartedAt: now, runStartDone: job.done });
    await tx.store.put(next);
    await tx.done;
    return next;
  } catch (error) {
    throw asStoreError(error);
  }
}

/** Forgets every job with its staged input and journal (with "delete everything"). */
export async function clearJobs(store: Store): Promise<void> {
  try {
    const tx = dbOf(store).transaction(['jobs', 'jobChunks', 'jobUndo'], 'readwrite', STRICT);
    await Promise.all([
      tx.objectStore('jobs').clear(),
      tx.objectStore('jobChunks').clear(),
      tx.objectStore('jobUndo').clear(),
    ]);
    await tx.done;
  } catch (error) {
    throw asStoreError(error);
  }
}

type Step = { job: Job; put: string[]; deleted: string[] };

/** Runs one step of a job in one transaction over contacts and the job's stores; emits after commit. */
async function step(
  store: Store,
  id: string,
  run: (tx: StepTx, job: Job) => Promise<Omit<Step, 'job'> & { next: Job }>,
): Promise<Job | undefined> {
  let result: Step | undefined;
  try {
    const tx = stepTx(store);
    const job = await tx.objectStore('jobs').get(id);
    if (!job) {
      await tx.done;
      return undefined;
    }
    result = await committed(tx, async () => {
      const { next, put, deleted } = await run(tx, job);
      const saved = next === job ? job : { ...next, updatedAt: store.now() };
      if (saved !== job) await tx.objectStore('jobs').put(saved);
      return { job: saved, put, deleted };
    });
  } catch (error) {
    throw asStoreError(error);
  }
  if (result.put.length) store.emit({ store: 'contacts', ids: result.put, kind: 'put' });
  if (result.deleted.length) store.emit({ store: 'contacts', ids: result.deleted, kind: 'delete' });
  return result.job;
}

type StepTx = ReturnType<typeof stepTx>;
/**
 * Chunk steps commit with relaxed durability: a worker stop never loses a committed transaction
 * (the browser process holds it); an OS crash may lose the last few, and then the job's checkpoint,
 * committed in the same transactions, goes back with them, so the resume rewrites exactly those.
 * One flush to disk per chunk cost 10x the import's time on the development machine (BENCHMARKS.md).
 */
const stepTx = (store: Store) =>
  dbOf(store).transaction(['contacts', 'jobs', 'jobChunks', 'jobUndo'], 'readwrite', {
    durability: 'relaxed',
  });

const unchanged = (job: Job) => ({ next: job, put: [], deleted: [] });

async function dropStaged(tx: StepTx, jobId: string) {
  await tx.objectStore('jobChunks').delete(allChunksOf(jobId));
  await tx.objectStore('jobUndo').delete(allChunksOf(jobId));
}

async function upsertAll(tx: StepTx, store: Store, inputs: ContactInput[]) {
  const results = await upsertManyInStore(tx.objectStore('contacts'), inputs, store.now(), store.newId);
  const created = new Set(results.filter((r) => r.created).map((r) => r.contact.id));
  const before = new Map<string, Contact>();
  for (const r of results) if (r.before && !before.has(r.contact.id)) before.set(r.contact.id, r.before);
  return { created, before, merged: results.length - results.filter((r) => r.created).length };
}

/**
 * Writes the job's next chunk and advances its checkpoint in the same transaction, with the
 * chunk's undo record: a chunk is applied once or not at all, and a stale call (another run
 * already wrote it) changes nothing. The last chunk marks the job done and drops its staging.
 */
export async function writeJobChunk(store: Store, id: string): Promise<Job | undefined> {
  return step(store, id, async (tx, job) => {
    if (job.state !== 'running' || job.mode !== 'valid-rows') return unchanged(job);
    if (job.checkpoint >= job.chunks) return { ...unchanged(job), next: { ...job, state: 'done' } };
    const chunk = await tx.objectStore('jobChunks').get([job.id, job.checkpoint]);
    if (!chunk)
      return { ...unchanged(job), next: { ...job, state: 'failed', error: 'Staged rows are missing.' } };
    const { created, before, merged } = await upsertAll(tx, store, chunk.inputs);
    const next: Job = {
      ...job,
      checkpoint: job.checkpoint + 1,
      done: job.done + chunk.inputs.length,
      created: job.created + created.size,
      merged: job.merged + merged,
    };
    if (next.checkpoint >= job.chunks) {
      next.state = 'done';
      await dropStaged(tx, job.id);
    } else {
      await tx.objectStore('jobUndo').put({
        jobId: job.id,
        index: job.checkpoint,
        rows: chunk.inputs.length,
        created: [...created],
        before: [...before.values()],
      });
    }
    return { next, put: [...created, ...before.keys()], deleted: [] };
  });
}

/**
 * The staged path (all-or-nothing): every staged chunk becomes visible in one transaction, with
 * the job marked done in it. A worker stop rolls the step back whole; the next wake reruns it.
 */
export async function publishJob(store: Store, id: string): Promise<Job | undefined> {
  return step(store, id, async (tx, job) => {
    if (job.state !== 'running' || job.mode !== 'all-or-nothing') return unchanged(job);
    const chunks = await tx.objectStore('jobChunks').getAll(allChunksOf(job.id));
    if (chunks.length !== job.chunks)
      return { ...unchanged(job), next: { ...job, state: 'failed', error: 'Staged rows are missing.' } };
    const { created, before, merged } = await upsertAll(
      tx,
      store,
      chunks.flatMap((c) => c.inputs),
    );
    await dropStaged(tx, job.id);
    const next: Job = {
      ...job,
      state: 'done',
      checkpoint: job.chunks,
      done: job.total,
      created: created.size,
      merged,
    };
    return { next, put: [...created, ...before.keys()], deleted: [] };
  });
}

/**
 * Rolls back the newest committed chunk of a cancelled job: deletes what it created and puts
 * back what it changed. With nothing left to roll back the job is cancelled and its staging
 * dropped: the contacts are exactly as before the import.
 */
export async function undoJobChunk(store: Store, id: string): Promise<Job | undefined> {
  return step(store, id, async (tx, job) => {
    if (job.state !== 'cancelling') return unchanged(job);
    if (job.checkpoint === 0 || job.mode === 'all-or-nothing') {
      await dropStaged(tx, job.id);
      return {
        ...unchanged(job),
        next: { ...job, state: 'cancelled', checkpoint: 0, done: 0, created: 0, merged: 0 },
      };
    }
    const index = job.checkpoint - 1;
    const undo = await tx.objectStore('jobUndo').get([job.id, index]);
    if (!undo)
      return { ...unchanged(job), next: { ...job, state: 'failed', error: 'The undo record is missing.' } };
    const contacts = tx.objectStore('contacts');
    for (const contactId of undo.created) await contacts.delete(contactId);
    for (const contact of undo.before) await contacts.put(contact);
    await tx.objectStore('jobUndo').delete([job.id, index]);
    const next: Job = { ...job, checkpoint: index, done: Math.max(0, job.done - undo.rows) };
    return { next, put: undo.before.map((c) => c.id), deleted: undo.created };
  });
}
