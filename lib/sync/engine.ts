import type { Store } from '../db';
import { SyncBridge, type ApplyReport } from './bridge';
import type { Mirror, PouchKit, Replication } from './mirror';
import { remoteDbUrl, syncErrorCode, type SyncConfig, type SyncErrorCode } from './config';

/**
 * One team database in step with the local store: local changes → mirror → server, server →
 * mirror → repositories. PouchDB's replicator keeps its checkpoints in both databases, the
 * bridge keeps the last applied change in the mirror: a stopped worker picks up where it was.
 */
export interface SyncStatus {
  state: 'idle' | 'syncing' | 'live' | 'error';
  lastSyncAt?: number;
  pending: number;
  conflicts: number;
  refused: number;
  error?: { code: SyncErrorCode; detail: string };
}

export interface SyncRun {
  sent: number;
  received: number;
  applied: ApplyReport;
}

/**
 * How far a round is: documents written into the mirror (pulled) and into the server (pushed),
 * documents applied to the local store, and the documents the round is expected to move in all
 * (an estimate from the databases' document counts, refined by the replicator's `pending`
 * where the server gives one; never below what moved).
 */
export interface SyncProgress {
  pulled: number;
  pushed: number;
  applied: number;
  total: number;
}

export interface RoundOptions {
  /** Aborting stops the round now: replication stops, what reached the mirror goes into the store. */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

export interface EngineOptions {
  store: Store;
  kit: PouchKit;
  config: SyncConfig;
  /** Name of the local mirror database (one per server and database). */
  mirrorName: string;
  fetcher?: typeof fetch;
  onStatus?: (status: SyncStatus) => void;
  batchSize?: number;
}

export type Engine = ReturnType<typeof createEngine>;

export function createEngine(options: EngineOptions) {
  const { store, kit, config } = options;
  const mirror: Mirror = kit.local(options.mirrorName);
  const auth =
    config.auth === 'password' && config.username
      ? { username: config.username, password: config.password ?? '' }
      : undefined;
  const remote = kit.remote(remoteDbUrl(config), auth, options.fetcher);
  const bridge = new SyncBridge(store, mirror);
  let status: SyncStatus = { state: 'idle', pending: 0, conflicts: 0, refused: 0 };
  let live: Replication[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let applyTimer: ReturnType<typeof setTimeout> | undefined;
  const batch = { batch_size: options.batchSize ?? 500 };

  const update = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch, pending: bridge.pendingCount };
    options.onStatus?.(status);
  };
  const fail = (error: unknown) => {
    update({ state: 'error', error: { code: syncErrorCode(error), detail: errorText(error) } });
  };
  const applied = async () => {
    const report = await bridge.applyIncoming();
    update({ conflicts: report.conflicts, refused: status.refused + report.refused.length });
    return report;
  };

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 0;
  /** Live replication is wanted (started and not stopped), even while it waits to restart. */
  let wantLive = false;
  /** Rounds running now, each stopped by `stop`. */
  const rounds = new Set<AbortController>();

  // Local changes are noted from the start; in live mode they go out within a second.
  let unwatch: (() => void) | undefined = bridge.watch(() => {
    update({});
    if (!live.length) return;
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => void bridge.flush().then(() => update({}), fail), 300);
  });

  /**
   * One replication to its end. A failed one is cancelled before its error is passed on:
   * PouchDB 9.0.0's replicator drops the batches it had read ahead when an error aborts it, yet
   * lets the batch in progress finish, check-point and read the next changes from past the
   * dropped ones. Left running, that aborted replication carries on once the server is back and
   * moves the shared checkpoint past documents nobody wrote: the next run starts after them and
   * they never reach this machine. Cancelled, it stops at its next step without a checkpoint.
   */
  async function replicateOnce(
    from: Mirror,
    to: Mirror,
    round: RoundOptions = {},
    onChange?: (info: ReplicationChange) => void,
  ): Promise<{ docs_written?: number }> {
    const replication = kit.replicate(from, to, batch);
    const abort = () => replication.cancel();
    round.signal?.addEventListener('abort', abort);
    if (onChange) replication.on('change', (info) => onChange(info as ReplicationChange));
    try {
      const result = (await replication) as { docs_written?: number };
      round.signal?.throwIfAborted();
      return result;
    } catch (error) {
      replication.cancel();
      round.signal?.throwIfAborted();
      throw error;
    } finally {
      round.signal?.removeEventListener('abort', abort);
    }
  }

  /** The round running now: "Sync now", a resolve and the alarm share it rather than start another. */
  let inFlight: Promise<SyncRun> | undefined;

  /**
   * One full round: what is pending goes out, what is new comes in. Throws what failed, or the
   * signal's reason when aborted. A round already running is joined (its options stay its own).
   */
  function syncOnce(options: RoundOptions = {}): Promise<SyncRun> {
    inFlight ??= doRound(options).finally(() => (inFlight = undefined));
    return inFlight;
  }

  /**
   * What arrives is applied to the store while the pull runs (whole documents, resumable), so a
   * long first sync fills the store as it goes.
   */
  async function doRound(round: RoundOptions): Promise<SyncRun> {
    // Never two replications of the same databases at once: live pauses for the round.
    cancelLive();
    update({ state: 'syncing' });
    // `stop` ends a round too: the engine is going away.
    const own = new AbortController();
    rounds.add(own);
    round = { ...round, signal: round.signal ? AbortSignal.any([round.signal, own.signal]) : own.signal };
    const counter = roundCounter(round.onProgress);
    let applying: Promise<unknown> = Promise.resolve();
    let applyQueued = false;
    const applyNow = () => {
      if (applyQueued) return;
      applyQueued = true;
      applying = applying
        .then(async () => {
          applyQueued = false;
          counter.applied(await applied());
        })
        .catch(() => undefined);
    };
    try {
      await bridge.flush();
      round.signal?.throwIfAborted();
      // Both directions are estimated up front, so the first figure a rep sees is the whole round.
      counter.expect('pull', await missing(remote, mirror));
      counter.expect('push', await missing(mirror, remote));
      const out = await replicateOnce(mirror, remote, round, (info) => counter.moved('push', info));
      counter.done('push', out.docs_written ?? 0);
      counter.expect('pull', await missing(remote, mirror));
      const back = await replicateOnce(remote, mirror, round, (info) => {
        counter.moved('pull', info);
        applyNow();
      });
      counter.done('pull', back.docs_written ?? 0);
      await applying;
      const report = await applied();
      counter.applied(report);
      await bridge.markSynced(store.now());
      counter.finish();
      update({ state: 'idle', lastSyncAt: store.now(), error: undefined });
      return { sent: out.docs_written ?? 0, received: back.docs_written ?? 0, applied: counter.report() };
    } catch (error) {
      // What reached the mirror before the failure (or the stop) still reaches the store.
      await applying;
      await applied()
        .then((report) => counter.applied(report))
        .catch(() => undefined);
      if (round.signal?.aborted) {
        // Stopped by the rep: not an error, and live replication stays off until the next round.
        wantLive = false;
        update({ state: 'idle' });
      } else fail(error);
      throw error;
    } finally {
      rounds.delete(own);
      if (wantLive) startLive();
    }
  }

  /** Documents `to` lacks of `from`'s, by count (0 when a count cannot be read). */
  async function missing(from: Mirror, to: Mirror): Promise<number> {
    try {
      const [a, b] = await Promise.all([from.info(), to.info()]);
      return Math.max(0, a.doc_count - b.doc_count);
    } catch {
      return 0;
    }
  }

  const scheduleApply = () => {
    clearTimeout(applyTimer);
    applyTimer = setTimeout(
      () =>
        void applied().then(() => update({ lastSyncAt: store.now(), state: 'live', error: undefined }), fail),
      200,
    );
  };

  function cancelLive() {
    clearTimeout(retryTimer);
    for (const replication of live) replication.cancel();
    live = [];
  }

  /**
   * A live replication that failed (server gone, network down): both directions are
   * cancelled (see replicateOnce), what reached the mirror is settled into the store, and
   * live replication starts again after a back-off: 1 s, doubling up to 5 minutes.
   */
  function restartLive(error: unknown) {
    if (!live.length) return;
    cancelLive();
    fail(error);
    void applied().catch(fail);
    retryDelay = backOff(retryDelay);
    retryTimer = setTimeout(() => {
      if (wantLive) startLive();
    }, retryDelay);
  }

  /** Continuous replication both ways while the worker runs; local changes go out within a second. */
  function startLive() {
    if (live.length) return;
    wantLive = true;
    void bridge.flush().then(() => update({}), fail);
    // PouchDB's own retry would restart inside the failed replication (see replicateOnce):
    // this engine restarts it itself, from fresh replications.
    const opts = { live: true, retry: false, ...batch };
    const push = kit.replicate(mirror, remote, opts);
    const pull = kit.replicate(remote, mirror, opts);
    pull.on('change', scheduleApply);
    for (const replication of [push, pull]) {
      // A replication cancelled meanwhile (a one-shot round, a restart) no longer counts.
      const current = () => live.includes(replication);
      replication.on('paused', (error) => {
        if (!current()) return;
        if (error) return restartLive(error);
        retryDelay = 0;
        update({ state: 'live', lastSyncAt: store.now(), error: undefined });
      });
      replication.on('error', (error) => current() && restartLive(error));
      replication.on('denied', fail);
    }
    live = [push, pull];
    update({ state: 'live' });
  }

  async function stop() {
    wantLive = false;
    clearTimeout(flushTimer);
    clearTimeout(applyTimer);
    cancelLive();
    for (const own of rounds) own.abort(new Error('Team sync stopped.'));
    await bridge.serial(async () => undefined);
  }

  return {
    bridge,
    mirror,
    remote,
    syncOnce,
    startLive,
    stop,
    /**
     * On every start: what reached the mirror and not the store is applied first (the applied
     * checkpoint moves only after the store commits), then local records and deletions the
     * mirror lacks go into it.
     */
    async reconcile() {
      const incoming = await bridge.applyIncoming();
      const outgoing = await bridge.reconcile();
      update({ conflicts: incoming.conflicts, refused: status.refused + incoming.refused.length });
      return { incoming, outgoing };
    },
    status: () => status,
    async close() {
      unwatch?.();
      unwatch = undefined;
      await stop();
      await mirror.close();
    },
  };
}

interface ReplicationChange {
  docs_written?: number;
  pending?: number;
}

/** Counts a round's documents for `onProgress`; totals never fall below what moved. */
function roundCounter(onProgress: RoundOptions['onProgress']) {
  const written = { push: 0, pull: 0 };
  const expected = { push: 0, pull: 0 };
  const total: ApplyReport = { written: 0, deleted: 0, refused: [], conflicts: 0 };
  let applied = 0;
  const emit = () => {
    const moved = written.push + written.pull;
    const estimate = Math.max(written.push, expected.push) + Math.max(written.pull, expected.pull);
    onProgress?.({ pulled: written.pull, pushed: written.push, applied, total: Math.max(moved, estimate) });
  };
  return {
    expect(direction: 'push' | 'pull', count: number) {
      expected[direction] = count;
      emit();
    },
    moved(direction: 'push' | 'pull', info: ReplicationChange) {
      written[direction] = info.docs_written ?? written[direction];
      if (typeof info.pending === 'number') expected[direction] = written[direction] + info.pending;
      emit();
    },
    done(direction: 'push' | 'pull', count: number) {
      written[direction] = count;
      expected[direction] = count;
      emit();
    },
    applied(report: ApplyReport) {
      total.written += report.written;
      total.deleted += report.deleted;
      total.refused.push(...report.refused);
      total.conflicts = report.conflicts;
      applied = total.written + total.deleted;
      emit();
    },
    finish: emit,
    report: () => total,
  };
}

/** Retries after 1 s, doubling up to 5 minutes. */
function backOff(delay: number): number {
  return delay === 0 ? 1_000 : Math.min(delay * 2, 300_000);
}

function errorText(error: unknown): string {
  const e = error as { message?: string; reason?: string; status?: number } | null;
  return String(e?.reason ?? e?.message ?? error).slice(0, 300);
}
