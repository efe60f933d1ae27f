import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openTestStore } from '@/lib/db/test-store';
import { readSetting, writeSetting, type Store } from '@/lib/db';
import type { Engine } from '@/lib/sync/run';
import type { JobView } from '@/lib/messages/events';
import { setUpSync } from './sync';

/** An engine that records what the worker asks of it; a round runs until it is stopped or `finish` is called. */
function fakeEngine(synced: boolean) {
  const calls = { live: 0, rounds: 0 };
  let finish = () => {};
  const engine = {
    reconcile: async () => undefined,
    startLive: () => void calls.live++,
    syncOnce: ({ signal, onProgress }: { signal: AbortSignal; onProgress(p: object): void }) =>
      new Promise<void>((resolve, reject) => {
        calls.rounds++;
        onProgress({ pulled: 1, pushed: 0, applied: 0, total: 10 });
        finish = resolve;
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
    status: () => ({ state: 'idle', pending: 0, conflicts: 0, refused: 0 }),
    close: async () => undefined,
    mirror: { destroy: async () => undefined },
    bridge: {
      synced: async () => synced,
      conflictIds: async () => [],
      conflict: async () => undefined,
      pendingCount: 0,
    },
  };
  return { engine: engine as unknown as Engine, calls, finish: () => finish() };
}

/** One worker life over the store: its sync service with this engine, and the jobs it reported. */
function worker(store: Store, fake: ReturnType<typeof fakeEngine>) {
  const jobs: JobView[] = [];
  const sync = setUpSync(
    async () => store,
    (event) => void (event.kind === 'job' && jobs.push(event.job)),
    async () => true,
    async () => ({ createEngine: () => fake.engine, browserKit: {} as never }),
  );
  return { sync, jobs };
}

afterEach(() => fakeBrowser.reset());

describe('"Stop syncing now" holds until the rep resumes, across worker restarts', () => {
  test('a restarted worker stays paused (no round, no live sync, shown paused); "Sync now" resumes', async () => {
    const store = await openTestStore();
    await writeSetting(store, 'sync.config', {
      url: 'http://127.0.0.1:5984',
      database: 'team',
      auth: 'none',
    });

    // First life: the first sync runs as a job; the rep stops it.
    const first = fakeEngine(false);
    const one = worker(store, first);
    await vi.waitFor(() => expect(one.jobs.some((j) => j.state === 'running')).toBe(true));
    one.sync.cancelJob(one.jobs[0]!.id);
    await vi.waitFor(async () => expect(await readSetting(store, 'sync.paused')).toBe(true));
    expect(await one.sync.view()).toMatchObject({ paused: true });
    expect(first.calls.live).toBe(0);

    // The worker stops; a wake or the minute alarm starts a new one.
    const second = fakeEngine(true);
    const two = worker(store, second);
    expect(await two.sync.view()).toMatchObject({ configured: true, paused: true });
    await two.sync.conflict('any');
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'sync-tick', scheduledTime: 0 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second.calls).toEqual({ live: 0, rounds: 0 });

    // "Sync now": a round from the checkpoint, then live; the pause is gone for good.
    const now = two.sync.syncNow();
    await vi.waitFor(() => expect(second.calls.rounds).toBe(1));
    second.finish();
    expect(await now).not.toHaveProperty('paused');
    expect(second.calls.live).toBe(1);
    expect(await readSetting(store, 'sync.paused')).toBe(false);
    const third = fakeEngine(true);
    await worker(store, third).sync.conflict('any');
    expect(third.calls.live).toBe(1);
  });

  test('saving the server again ends a pause', async () => {
    const store = await openTestStore();
    const config = { url: 'http://127.0.0.1:5984', database: 'team', auth: 'none' as const };
    await writeSetting(store, 'sync.config', config);
    await writeSetting(store, 'sync.paused', true);
    const fake = fakeEngine(true);
    const { sync } = worker(store, fake);
    expect(await sync.view()).toMatchObject({ paused: true });
    expect(await sync.save(config)).not.toHaveProperty('paused');
    expect(fake.calls.live).toBe(1);
  });
});
