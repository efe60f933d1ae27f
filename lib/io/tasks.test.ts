import { describe, expect, test } from 'vitest';
import type { JobView } from '../messages/events';
import { Tasks } from './tasks';

function tasks() {
  let now = 1_000;
  const seen: JobView[] = [];
  let id = 0;
  const t = new Tasks(
    (v) => seen.push(v),
    () => now,
    () => String(++id),
  );
  return { t, seen, tick: (ms: number) => void (now += ms) };
}

describe('tasks (backup, restore, exports)', () => {
  test('progress is reported as a job view, throttled, and the end always goes out', async () => {
    const { t, seen, tick } = tasks();
    const value = await t.run('export-csv', async ({ progress }) => {
      progress(0, 300);
      tick(10);
      progress(100, 300); // within 100 ms of the start: kept, not sent
      tick(200);
      progress(200, 300);
      tick(10);
      progress(300, 300); // the last one always goes
      return 'csv';
    });
    expect(value).toBe('csv');
    expect(seen.map((v) => [v.state, v.done, v.total])).toEqual([
      ['running', 0, 0],
      ['running', 200, 300],
      ['running', 300, 300],
      ['done', 300, 300],
    ]);
    expect(seen[0]).toMatchObject({ id: 'task-1', kind: 'export-csv', mode: 'all-or-nothing' });
    expect(t.list()).toEqual([seen.at(-1)]);
  });

  test('cancel aborts the work: it rejects with code cancelled and ends as cancelled', async () => {
    const { t, seen } = tasks();
    let started!: () => void;
    const running = new Promise<void>((ok) => (started = ok));
    const run = t.run('restore', ({ signal }) => {
      started();
      return new Promise((_, ko) => signal.addEventListener('abort', () => ko(signal.reason)));
    });
    await running;
    expect(t.cancel(seen[0]!.id)?.state).toBe('cancelling');
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen.map((v) => v.state)).toEqual(['running', 'cancelling', 'cancelled']);
    // Cancelling again, or an unknown id, changes nothing.
    expect(t.cancel(seen[0]!.id)?.state).toBe('cancelled');
    expect(t.cancel('job-1')).toBeUndefined();
  });

  test('work that finished despite a late cancel ends done (a committed restore is not "unchanged")', async () => {
    const { t, seen } = tasks();
    const run = t.run('restore', async () => {
      t.cancel('task-1');
      return 'committed';
    });
    await expect(run).resolves.toBe('committed');
    expect(seen.map((v) => v.state)).toEqual(['running', 'cancelling', 'done']);
  });

  test('a failure ends as failed with its message; finished tasks are bounded', async () => {
    const { t } = tasks();
    await expect(
      t.run('backup', async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(t.list()[0]).toMatchObject({ state: 'failed', error: 'disk full' });
    for (let i = 0; i < 8; i++) await t.run('export-vcard', async () => i);
    expect(t.list()).toHaveLength(6);
  });

  test('a task with showFrom stays unseen while small, appears with its detail once big, and a small one ends unseen', async () => {
    const { t, seen } = tasks();
    // A sync round that moves 3 documents: never a job.
    await t.run(
      'sync',
      async ({ progress }) => progress(3, 3, { sync: { pulled: 3, pushed: 0, applied: 3 } }),
      {
        showFrom: 100,
      },
    );
    expect(seen).toEqual([]);
    expect(t.list()).toEqual([]);

    let release!: () => void;
    let midway!: () => void;
    const reached = new Promise<void>((ok) => (midway = ok));
    const big = t.run(
      'sync',
      async ({ progress }) => {
        progress(0, 40);
        expect(t.list()).toEqual([]);
        expect(t.cancel('task-2')).toBeUndefined();
        progress(10, 2_000, { sync: { pulled: 10, pushed: 0, applied: 0 } });
        midway();
        await new Promise<void>((ok) => (release = ok));
        progress(2_000, 2_000, { sync: { pulled: 2_000, pushed: 0, applied: 2_000 } });
      },
      { showFrom: 100 },
    );
    await reached;
    // Appears at once when it grows past the threshold (not held back by the throttle).
    expect(seen.map((v) => [v.kind, v.state, v.done, v.total, v.sync?.pulled])).toEqual([
      ['sync', 'running', 10, 2_000, 10],
    ]);
    expect(t.list()).toHaveLength(1);
    release();
    await big;
    expect(seen.at(-1)).toMatchObject({ state: 'done', done: 2_000, total: 2_000, sync: { applied: 2_000 } });
  });
});
