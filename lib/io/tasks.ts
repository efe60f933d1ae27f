import { StoreError } from '../db/errors';
import type { JobView } from '../messages/events';

/**
 * Long work that only reads, or writes in one transaction (backup, restore, exports): it runs in
 * this worker's memory and is never resumed. Progress reaches pages as a job view; cancel aborts
 * it (a restore's transaction rolls back whole, an export just stops), so the data stay exactly
 * as they were. A worker stop ends it the same way: the page is told the background stopped.
 */
export const TASK_KINDS = ['backup', 'restore', 'export-csv', 'export-vcard', 'sync'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface TaskControl {
  signal: AbortSignal;
  /** Units done of `total` (records read or written); reported at most every REPORT_MS. */
  progress(done: number, total: number, detail?: Pick<JobView, 'sync'>): void;
}

export interface TaskOptions {
  /**
   * The task is neither reported nor listed until its total reaches this many units (a sync
   * round that moves a few documents is no job to watch). 0, the default: shown from the start.
   */
  showFrom?: number;
}

/** What a cancelled task rejects with (code `cancelled`). */
export const taskCancelled = () => new StoreError('cancelled', 'Cancelled: nothing was changed.');

/** Progress events at most this often (the last one always goes). */
const REPORT_MS = 100;
/** Finished tasks kept for `list` (the rep sees how the last ones ended). */
const KEEP_FINISHED = 5;

interface Entry {
  view: JobView;
  abort: AbortController;
  reportedAt: number;
  /** Not yet big enough to show (see TaskOptions.showFrom). */
  quiet: boolean;
}

export class Tasks {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly report: (view: JobView) => void,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Runs `work` as a task: its progress is reported, `cancel(id)` aborts it. Resolves to its value. */
  async run<T>(
    kind: TaskKind,
    work: (control: TaskControl) => Promise<T>,
    options: TaskOptions = {},
  ): Promise<T> {
    const showFrom = options.showFrom ?? 0;
    const at = this.now();
    const entry: Entry = {
      view: {
        id: `task-${this.newId()}`,
        kind,
        mode: 'all-or-nothing',
        state: 'running',
        total: 0,
        done: 0,
        created: 0,
        merged: 0,
        errorCount: 0,
        skipped: 0,
        startedAt: at,
        updatedAt: at,
        runStartedAt: at,
        runStartDone: 0,
      },
      abort: new AbortController(),
      reportedAt: at,
      quiet: showFrom > 0,
    };
    this.entries.set(entry.view.id, entry);
    this.prune();
    if (!entry.quiet) this.report(entry.view);
    const progress = (done: number, total: number, detail?: Pick<JobView, 'sync'>) => {
      if (entry.view.state !== 'running') return;
      const now = this.now();
      entry.view = { ...entry.view, ...detail, done, total, updatedAt: now };
      if (entry.quiet && total < showFrom) return;
      const appearing = entry.quiet;
      entry.quiet = false;
      if (!appearing && now - entry.reportedAt < REPORT_MS && done < total) return;
      entry.reportedAt = now;
      this.report(entry.view);
    };
    try {
      // Work that finished despite a cancel (a restore's transaction had committed) is done:
      // saying "nothing was changed" would be wrong.
      const value = await work({ signal: entry.abort.signal, progress });
      this.finish(entry, 'done');
      return value;
    } catch (error) {
      if (entry.abort.signal.aborted) {
        this.finish(entry, 'cancelled');
        throw taskCancelled();
      }
      this.finish(entry, 'failed', (error as Error).message);
      throw error;
    }
  }

  /** Asks a running task to stop; undefined when no such task is known here. */
  cancel(id: string): JobView | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.quiet) return undefined;
    if (entry.view.state === 'running') {
      entry.view = { ...entry.view, state: 'cancelling', updatedAt: this.now() };
      this.report(entry.view);
      entry.abort.abort(taskCancelled());
    }
    return entry.view;
  }

  /** Running tasks and the last finished ones, newest first. */
  list(): JobView[] {
    return [...this.entries.values()]
      .filter((e) => !e.quiet)
      .map((e) => e.view)
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  private finish(entry: Entry, state: JobView['state'], error?: string) {
    // A task that stayed small ends as it ran: unseen.
    if (entry.quiet) {
      this.entries.delete(entry.view.id);
      return;
    }
    const done = state === 'done' ? entry.view.total : entry.view.done;
    entry.view = {
      ...entry.view,
      state,
      done,
      updatedAt: this.now(),
      ...(error ? { error: error.slice(0, 500) } : {}),
    };
    this.report(entry.view);
  }

  private prune() {
    const finished = this.list().filter((v) => v.state !== 'running' && v.state !== 'cancelling');
    for (const view of finished.slice(KEEP_FINISHED)) this.entries.delete(view.id);
  }
}
