import { browser } from 'wxt/browser';
import { readSetting, StoreError, writeSetting, type Store } from '@/lib/db';
import type { SyncView } from '@/lib/messages';
import { checkConfig, mirrorName, originPattern, repName, type SyncConfig } from '@/lib/sync/config';
import type { Engine, SyncStatus } from '@/lib/sync/run';
import { Tasks } from '@/lib/io/tasks';
import type { Services, SyncService } from './services';

const ALARM = 'sync-tick';
/** A later round becomes a job the rep watches once it is expected to move this many documents. */
export const SYNC_JOB_FROM = 200;

/**
 * Team sync in the service worker. Nothing of PouchDB loads unless a server is configured;
 * then replication runs live while the worker lives, and an alarm every minute wakes a stopped
 * worker, which picks up from the checkpoints. Credentials stay in the extension's database.
 */
export function setUpSync(
  store: () => Promise<Store>,
  broadcast: Services['broadcast'],
  permitted: (origin: string) => Promise<boolean> = (o) => browser.permissions.contains({ origins: [o] }),
  load: () => Promise<Pick<typeof import('@/lib/sync/run'), 'createEngine' | 'browserKit'>> = () =>
    import('@/lib/sync/run'),
): SyncService {
  let engine: Engine | undefined;
  let starting: Promise<Engine | undefined> | undefined;
  let status: SyncStatus | undefined;
  let blocked: SyncView['error'];
  let lastSaved = 0;
  /**
   * The rep stopped a round: no rounds or live replication until "Sync now". Kept in the settings
   * too, so a restarted worker (a wake, an alarm) stays paused; read again when the engine starts.
   */
  let paused = false;
  async function pause() {
    paused = true;
    await writeSetting(await store(), 'sync.paused', true);
  }
  /** The pause ends ("Sync now", a server saved or removed); the setting is written only if set. */
  async function resume() {
    paused = false;
    const s = await store();
    if (await readSetting(s, 'sync.paused')) await writeSetting(s, 'sync.paused', false);
  }
  let round: Promise<void> | undefined;
  // Rounds as jobs of this worker: progress to open pages, cancel from the options page.
  const jobs = new Tasks((job) => broadcast({ kind: 'job', job }));

  /**
   * One round as a job (the first sync always shows; a later one once it is big), then live
   * replication. A round the rep stopped pauses sync; one that failed goes live anyway, whose
   * restarts back off while the server is away.
   */
  function runRound(e: Engine): Promise<void> {
    round ??= (async () => {
      // Until a first round has finished (even one stopped halfway), a round is the first sync.
      const first = !(await e.bridge.synced().catch(() => false));
      const stopped = await jobs
        .run(
          'sync',
          ({ signal, progress }) =>
            e
              .syncOnce({
                signal,
                onProgress: (p) =>
                  progress(p.pulled + p.pushed, p.total, {
                    sync: { pulled: p.pulled, pushed: p.pushed, applied: p.applied },
                  }),
              })
              .catch((error: unknown) => {
                // Paused before the job's end is reported: a page that asks then sees it.
                paused = signal.aborted;
                throw error;
              }),
          { showFrom: first ? 1 : SYNC_JOB_FROM },
        )
        .then(
          () => false,
          (error: unknown) => (error as StoreError).code === 'cancelled',
        );
      if (stopped) await pause().catch(() => undefined);
      else paused = false;
      if (!stopped && engine === e) e.startLive();
    })().finally(() => (round = undefined));
    return round;
  }

  const onStatus = (next: SyncStatus) => {
    status = next;
    if (next.lastSyncAt && next.lastSyncAt - lastSaved > 60_000) {
      lastSaved = next.lastSyncAt;
      void store()
        .then((s) => writeSetting(s, 'sync.last', next.lastSyncAt!))
        .catch(() => undefined);
    }
  };

  async function start(): Promise<Engine | undefined> {
    const s = await store();
    const config = await readSetting(s, 'sync.config');
    if (!config) return undefined;
    if (!(await permitted(originPattern(config)))) {
      blocked = { code: 'no-permission', detail: originPattern(config) };
      return undefined;
    }
    blocked = undefined;
    paused = await readSetting(s, 'sync.paused');
    const { createEngine, browserKit } = await load();
    const created = createEngine({
      store: s,
      kit: browserKit,
      config,
      mirrorName: mirrorName(config),
      fetcher:
        config.auth === 'cookie' ? (url, init) => fetch(url, { ...init, credentials: 'include' }) : undefined,
      onStatus,
    });
    await created.reconcile();
    // The first sync of this copy is a job the rep can watch and stop; later starts go live.
    // Paused by the rep (before this worker started too): neither, until "Sync now".
    if (paused) return created;
    if (await created.bridge.synced()) created.startLive();
    else void runRound(created);
    return created;
  }

  /** The running engine, started once per worker life. */
  function running(): Promise<Engine | undefined> {
    if (engine) return Promise.resolve(engine);
    starting ??= start()
      .then((e) => (engine = e))
      .finally(() => (starting = undefined));
    return starting;
  }

  async function stop(destroy: boolean) {
    const current = engine ?? (await starting?.catch(() => undefined));
    engine = undefined;
    status = undefined;
    paused = false;
    if (!current) return;
    await current.close();
    // A new server or no server: the old team's copy goes, so it can never mix with another.
    if (destroy) await current.mirror.destroy().catch(() => undefined);
  }

  async function view(): Promise<SyncView> {
    const s = await store();
    const config = await readSetting(s, 'sync.config');
    const last = (await readSetting(s, 'sync.last')) ?? undefined;
    if (!config) return { configured: false, state: 'off', pending: 0, conflicts: 0, refused: 0 };
    const server = {
      url: config.url,
      database: config.database,
      auth: config.auth,
      username: config.username,
      rep: config.rep,
      passwordSet: !!config.password,
    };
    const current = engine?.status() ?? status;
    const conflicts = engine ? (await engine.bridge.conflictIds()).length : (current?.conflicts ?? 0);
    return {
      configured: true,
      server,
      state: blocked ? 'error' : (current?.state ?? 'idle'),
      lastSyncAt: current?.lastSyncAt ?? last,
      ...(paused || (await readSetting(s, 'sync.paused')) ? { paused: true } : {}),
      pending: engine?.bridge.pendingCount ?? 0,
      conflicts,
      refused: current?.refused ?? 0,
      error: blocked ?? current?.error,
    };
  }

  async function needEngine(): Promise<Engine> {
    const e = await running();
    if (!e) throw new StoreError('invalid', 'Team sync is not set up or the server is not permitted.');
    return e;
  }

  void browser.alarms.create(ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    // A live engine is left alone (a round would pause its replications), and so is one in a
    // round; a stopped worker's new engine, or one waiting out an error, gets a full round.
    void running()
      .then((e) =>
        e && !paused && !round && !['live', 'syncing'].includes(e.status().state) ? runRound(e) : undefined,
      )
      .catch(() => undefined);
  });
  // Wipe-everything clears the settings too: sync stops (the team's data stays on the server).
  void store().then((s) =>
    s.onChange((event) => {
      if (event.store === 'settings' && event.kind === 'clear') void stop(true);
      // What the team changed reaches open views through the change feed like any other write.
    }),
  );
  void running().catch(() => undefined);

  return {
    view,
    async save(input) {
      const s = await store();
      const previous = await readSetting(s, 'sync.config');
      const config: SyncConfig = {
        ...input,
        url: input.url.trim(),
        // Cookie sessions keep no password: the page logs in and the browser keeps the cookie.
        password:
          input.auth === 'password'
            ? (input.password ?? (previous?.auth === 'password' ? previous.password : undefined))
            : undefined,
      };
      const issues = checkConfig(config);
      if (issues.length) throw new StoreError('invalid', `Team sync: ${issues.join(', ')}`);
      if (!(await permitted(originPattern(config))))
        throw new StoreError('invalid', 'The browser did not allow access to this server.');
      if (config.auth === 'cookie') await logIn(config, input.password);
      const sameTeam = previous && mirrorName(previous) === mirrorName(config);
      await stop(!sameTeam);
      // Connecting (again) is the rep's go-ahead: a pause from before ends.
      await resume();
      await writeSetting(s, 'sync.config', config);
      await running().catch(() => undefined);
      return view();
    },
    async disable() {
      await stop(true);
      await resume();
      await writeSetting(await store(), 'sync.config', null);
      blocked = undefined;
      return view();
    },
    async syncNow() {
      const e = await needEngine();
      // The rep resumes: the pause ends (kept ended if the worker stops during the round).
      await resume();
      // A round under way is waited for; otherwise a new one (after a stop: from the checkpoint).
      await (round ?? runRound(e));
      return view();
    },
    async conflict(dealId) {
      const e = await running();
      const found = await e?.bridge.conflict('deal', dealId);
      if (!found || found.current.kind !== 'deal') return null;
      return {
        current: found.current.record,
        others: found.others.flatMap((o) =>
          o.replica.kind === 'deal' ? [{ rev: o.rev, deal: o.replica.record }] : [],
        ),
      };
    },
    async resolve(deal) {
      const e = await needEngine();
      const resolved = await e.bridge.resolve({ kind: 'deal', id: deal.id, record: deal });
      if (!paused) void runRound(e);
      return resolved.record as typeof deal;
    },
    jobs: () => jobs.list(),
    cancelJob: (id) => jobs.cancel(id),
    async rep() {
      return repName((await readSetting(await store(), 'sync.config')) ?? undefined);
    },
  };
}

/** A cookie session: the server sets the cookie the browser then sends; the password is not kept. */
async function logIn(config: SyncConfig, password: string | undefined): Promise<void> {
  if (!password) throw new StoreError('invalid', 'Enter the password once to start the session.');
  const response = await fetch(new URL('/_session', checkServerUrlOrigin(config)), {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: config.username, password }),
  });
  if (!response.ok) throw new StoreError('invalid', `The server refused the log-in (${response.status}).`);
}

function checkServerUrlOrigin(config: SyncConfig): string {
  return new URL(config.url).origin;
}
