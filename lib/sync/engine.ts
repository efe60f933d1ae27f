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

  // Local changes are noted from the start; in live mode they go out within a second.
  let unwatch: (() => void) | undefined = bridge.watch(() => {
    update({});
    if (!live.length) return;
    clearTimeout(flushTimer);
    flushTimer = setTimeout(() => void bridge.flush().then(() => update({}), fail), 300);
  });

  /** One full round: what is pending goes out, what is new comes in. Throws what failed. */
  async function syncOnce(): Promise<SyncRun> {
    update({ state: 'syncing' });
    try {
      await bridge.flush();
      const out = (await kit.replicate(mirror, remote, batch)) as { docs_written?: number };
      const back = (await kit.replicate(remote, mirror, batch)) as { docs_written?: number };
      const report = await applied();
      update({ state: live.length ? 'live' : 'idle', lastSyncAt: store.now(), error: undefined });
      return { sent: out.docs_written ?? 0, received: back.docs_written ?? 0, applied: report };
    } catch (error) {
      fail(error);
      throw error;
    }
  }

  /** Continuous replication both ways while the worker runs; local changes go out within a second. */
  function startLive() {
    if (live.length) return;
    void bridge.flush().then(() => update({}), fail);
    const scheduleApply = () => {
      clearTimeout(applyTimer);
      applyTimer = setTimeout(
        () =>
          void applied().then(
            () => update({ lastSyncAt: store.now(), state: 'live', error: undefined }),
            fail,
          ),
        200,
      );
    };
    const opts = { live: true, retry: true, ...batch, back_off_function: backOff };
    const push = kit.replicate(mirror, remote, opts);
    const pull = kit.replicate(remote, mirror, opts);
    pull.on('change', scheduleApply);
    for (const replication of [push, pull]) {
      replication.on('paused', (error) => {
        if (error) fail(error);
        else update({ state: 'live', lastSyncAt: store.now(), error: undefined });
      });
      replication.on('error', fail);
      replication.on('denied', fail);
    }
    live = [push, pull];
    update({ state: 'live' });
  }

  async function stop() {
    clearTimeout(flushTimer);
    clearTimeout(applyTimer);
    for (const replication of live) replication.cancel();
    live = [];
    await bridge.serial(async () => undefined);
  }

  return {
    bridge,
    mirror,
    remote,
    syncOnce,
    startLive,
    stop,
    /** After a worker stop: local records the mirror lacks go into it. */
    reconcile: () => bridge.reconcile().then((n) => (update({}), n)),
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
