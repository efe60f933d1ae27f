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
  async function replicateOnce(from: Mirror, to: Mirror): Promise<{ docs_written?: number }> {
    const replication = kit.replicate(from, to, batch);
    try {
      return (await replication) as { docs_written?: number };
    } catch (error) {
      replication.cancel();
      throw error;
    }
  }

  /** The round running now: "Sync now", a resolve and the alarm share it rather than start another. */
  let round: Promise<SyncRun> | undefined;

  /** One full round: what is pending goes out, what is new comes in. Throws what failed. */
  function syncOnce(): Promise<SyncRun> {
    round ??= doRound().finally(() => (round = undefined));
    return round;
  }

  async function doRound(): Promise<SyncRun> {
    // Never two replications of the same databases at once: live pauses for the round.
    cancelLive();
    update({ state: 'syncing' });
    try {
      await bridge.flush();
      const out = await replicateOnce(mirror, remote);
      const back = await replicateOnce(remote, mirror);
      const report = await applied();
      update({ state: 'idle', lastSyncAt: store.now(), error: undefined });
      return { sent: out.docs_written ?? 0, received: back.docs_written ?? 0, applied: report };
    } catch (error) {
      // What reached the mirror before the failure still reaches the store.
      await applied().catch(() => undefined);
      fail(error);
      throw error;
    } finally {
      if (wantLive) startLive();
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

/** Retries after 1 s, doubling up to 5 minutes. */
function backOff(delay: number): number {
  return delay === 0 ? 1_000 : Math.min(delay * 2, 300_000);
}

function errorText(error: unknown): string {
  const e = error as { message?: string; reason?: string; status?: number } | null;
  return String(e?.reason ?? e?.message ?? error).slice(0, 300);
}
