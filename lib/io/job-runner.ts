import {
  createJob,
  getJob,
  publishJob,
  transitionJob,
  undoJobChunk,
  writeJobChunk,
  type Job,
  type NewJob,
  type Store,
} from '../db';
import type { JobView } from '../messages/events';

export interface JobHooks {
  /** Called after every committed step (progress), and with the final state. */
  report?(job: Job): void;
  /** Lets other work run between two chunks (a macrotask by default). */
  yieldBetween?(): Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One driver per job and store in this worker: a second call joins the first. */
const drivers = new WeakMap<Store, Map<string, Promise<Job | undefined>>>();

async function runSteps(store: Store, id: string, hooks: JobHooks): Promise<Job | undefined> {
  const pause = hooks.yieldBetween ?? nextTask;
  let job = await getJob(store, id);
  while (job && (job.state === 'running' || job.state === 'cancelling')) {
    const before = job;
    try {
      if (job.state === 'cancelling') job = await undoJobChunk(store, id);
      else job = await (job.mode === 'all-or-nothing' ? publishJob(store, id) : writeJobChunk(store, id));
    } catch (error) {
      // Quota, a failing disk: the committed chunks stay; the rep resumes or discards.
      job = await transitionJob(store, id, ['running', 'cancelling'], 'paused', (error as Error).message);
    }
    if (job) hooks.report?.(job);
    if (job && job.state === before.state && job.checkpoint === before.checkpoint) {
      // Nothing moved (another writer changed the job under us): read it again before going on.
      job = await getJob(store, id);
      if (job?.checkpoint === before.checkpoint && job.state === before.state) break;
    }
    await pause();
  }
  return job;
}

/**
 * Carries a job on from its checkpoint until it is done, cancelled or paused, one chunk
 * transaction at a time with a yield between chunks. Safe to call on every wake.
 */
export function driveJob(store: Store, id: string, hooks: JobHooks = {}): Promise<Job | undefined> {
  let mine = drivers.get(store);
  if (!mine) drivers.set(store, (mine = new Map()));
  const running = mine.get(id);
  if (running) return running;
  const promise = runSteps(store, id, hooks).finally(() => mine.delete(id));
  mine.set(id, promise);
  return promise;
}

/** Stages a job and runs it to its end (or until the worker stops; the next wake resumes it). */
export async function runNewJob(store: Store, spec: NewJob, hooks: JobHooks = {}): Promise<Job> {
  const job = await createJob(store, spec);
  hooks.report?.(job);
  return (await driveJob(store, job.id, hooks)) ?? job;
}

/** Asks a running or paused job to stop; its committed chunks are rolled back. */
export async function cancelJob(store: Store, id: string, hooks: JobHooks = {}): Promise<Job> {
  const job = await transitionJob(store, id, ['running', 'paused'], 'cancelling');
  hooks.report?.(job);
  void driveJob(store, id, hooks).catch(() => undefined);
  return job;
}

/** Carries a paused job on from its checkpoint. */
export async function resumeJob(store: Store, id: string, hooks: JobHooks = {}): Promise<Job> {
  const job = await transitionJob(store, id, ['paused'], 'running');
  hooks.report?.(job);
  void driveJob(store, id, hooks).catch(() => undefined);
  return job;
}

/** What pages see of a job: its progress, without the staged rows or the list of broken rows. */
export function toJobView(job: Job): JobView {
  const { id, kind, mode, state, total, done, created, merged, errorCount, skipped, error } = job;
  const { startedAt, updatedAt, runStartedAt, runStartDone } = job;
  return {
    id,
    kind,
    mode,
    state,
    total,
    done,
    created,
    merged,
    errorCount,
    skipped,
    ...(error ? { error } : {}),
    startedAt,
    updatedAt,
    runStartedAt,
    runStartDone,
  };
}
