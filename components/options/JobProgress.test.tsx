// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { jobFixture } from '@/lib/io/job-fixture';
import { renderWithApi } from '../test-utils';
import type { JobView } from '@/lib/messages/events';
import { JobProgress, TASK_CHECK_MS } from './JobProgress';

const bar = () => document.querySelector('progress') as HTMLProgressElement;
const state = () => document.querySelector('[data-job-state]')?.getAttribute('data-job-state');

describe('job progress', () => {
  test('live progress with counts, rate and time left; Cancel asks the background to roll back', async () => {
    const { emit, calls } = renderWithApi(<JobProgress />, {
      'jobs/list': () => [],
      'jobs/cancel': ({ id }) => jobFixture({ id, state: 'cancelling' }),
    });
    await waitFor(() => expect(calls.map((c) => c.type)).toEqual(['jobs/list']));
    expect(state()).toBeUndefined();
    emit({ kind: 'job', job: jobFixture() });
    await waitFor(() => expect(state()).toBe('running'));
    emit({ kind: 'job', job: jobFixture({ done: 25_000, created: 25_000, updatedAt: 11_000 }) });
    await waitFor(() => expect(bar().value).toBe(25_000));
    expect(bar().max).toBe(100_000);
    expect(screen.getByRole('status').textContent).toBe(
      '25,000 / 100,000 rows · 2,500 rows/s · time left: about 30 s',
    );
    // An event that arrives late (older) does not move the bar back.
    emit({ kind: 'job', job: jobFixture({ done: 20_000, updatedAt: 9_000 }) });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'jobs/cancel', payload: { id: 'job-1' } }));
    expect(bar().value).toBe(25_000);
    emit({ kind: 'job', job: jobFixture({ state: 'cancelled', updatedAt: 12_000 }) });
    await waitFor(() => expect(state()).toBe('cancelled'));
    expect(screen.getByText('Import cancelled: your data is exactly as before.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  test('a job paused before the page opened shows its row with Resume and Discard (in German too)', async () => {
    const paused = jobFixture({
      state: 'paused',
      done: 42_500,
      error: 'Kein Speicherplatz.',
      updatedAt: 5_000,
    });
    const { calls } = renderWithApi(
      <JobProgress />,
      {
        'jobs/list': () => [paused, jobFixture({ id: 'old', state: 'done' })],
        'jobs/resume': ({ id }) => jobFixture({ id }),
      },
      'de',
    );
    await waitFor(() => expect(state()).toBe('paused'));
    expect(document.querySelectorAll('[data-job-id]')).toHaveLength(1);
    expect(screen.getByText('Angehalten bei Zeile 42.501: Kein Speicherplatz.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verwerfen (geschriebene Zeilen zurücknehmen)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fortsetzen' }));
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'jobs/resume', payload: { id: 'job-1' } }));
  });

  test('a finished import reports what it did', async () => {
    const { emit } = renderWithApi(<JobProgress />, { 'jobs/list': () => [] });
    emit({
      kind: 'job',
      job: jobFixture({ state: 'done', done: 100_000, created: 99_000, merged: 1_000, errorCount: 3 }),
    });
    expect(
      await screen.findByText('Import finished: 99,000 new, 1,000 merged, 3 broken rows skipped.'),
    ).toBeTruthy();
    expect(bar()).toBeNull();
  });

  test('a backup or export counts records and can be cancelled; it ends without an import summary', async () => {
    const task = (over = {}) =>
      jobFixture({ id: 'task-7', kind: 'export-vcard', mode: 'all-or-nothing', total: 40_000, ...over });
    const { emit, calls } = renderWithApi(<JobProgress />, {
      'jobs/list': () => [],
      'jobs/cancel': ({ id }) => task({ id, state: 'cancelling' }),
    });
    emit({ kind: 'job', job: task({ done: 10_000, updatedAt: 3_000 }) });
    await waitFor(() => expect(bar().value).toBe(10_000));
    expect(screen.getByRole('status').textContent).toBe(
      '10,000 / 40,000 records · 5,000 records/s · time left: about 6 s',
    );
    expect(screen.queryByText(/Staged/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'jobs/cancel', payload: { id: 'task-7' } }));
    emit({ kind: 'job', job: task({ state: 'cancelling', done: 10_000, updatedAt: 3_100 }) });
    await waitFor(() => expect(screen.getByText('Cancelling…')).toBeTruthy());
    emit({
      kind: 'job',
      job: task({
        id: 'task-8',
        kind: 'backup',
        state: 'done',
        done: 5,
        total: 5,
        startedAt: 4_000,
        updatedAt: 4_500,
      }),
    });
    await waitFor(() => expect(screen.getByText('Finished.')).toBeTruthy());
    expect(screen.queryByText(/Import finished/)).toBeNull();
  });

  test('a task the stopped worker forgot ends as failed instead of running forever', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let listed: JobView[] = [];
      const running = jobFixture({
        id: 'task-9',
        kind: 'restore',
        mode: 'all-or-nothing',
        total: 900,
        done: 300,
      });
      const { emit } = renderWithApi(<JobProgress />, { 'jobs/list': () => listed });
      emit({ kind: 'job', job: running });
      await waitFor(() => expect(state()).toBe('running'));
      // Still known to the worker: it stays as it is.
      listed = [running];
      await vi.advanceTimersByTimeAsync(TASK_CHECK_MS + 10);
      expect(state()).toBe('running');
      // The worker stopped (a restore's transaction rolled back with it): no longer listed.
      listed = [];
      await vi.advanceTimersByTimeAsync(TASK_CHECK_MS + 10);
      await waitFor(() => expect(state()).toBe('failed'));
      expect(screen.getByText(/the background stopped before it finished/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  test('a first team sync shows documents pulled, pushed and saved; Stop pauses it, and says so (in German too)', async () => {
    const sync = (over: Partial<JobView> = {}) =>
      jobFixture({
        id: 'task-3',
        kind: 'sync',
        mode: 'all-or-nothing',
        total: 3_000,
        ...over,
      });
    const { emit, calls } = renderWithApi(
      <JobProgress />,
      {
        'jobs/list': () => [sync({ done: 0 })],
        'jobs/cancel': ({ id }) => sync({ id, state: 'cancelling' }),
      },
      'de',
    );
    // Already running when the page opened: listed.
    await waitFor(() => expect(document.querySelector('[data-job-kind="sync"]')).toBeTruthy());
    emit({
      kind: 'job',
      job: sync({ done: 1_200, updatedAt: 3_000, sync: { pulled: 1_200, pushed: 0, applied: 1_000 } }),
    });
    await waitFor(() => expect(bar().value).toBe(1_200));
    expect(screen.getByRole('status').textContent).toBe(
      '1.200 / 3.000 Dokumente (1.200 vom Team, 0 ans Team, 1.000 hier gespeichert) · 600 Dokumente/s · Restzeit: etwa 3 s',
    );
    expect(screen.getByText(/Anhalten pausiert die Team-Synchronisation/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Synchronisation jetzt anhalten' }));
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'jobs/cancel', payload: { id: 'task-3' } }));
    emit({ kind: 'job', job: sync({ state: 'cancelled', done: 1_300, updatedAt: 3_500 }) });
    await waitFor(() => expect(state()).toBe('cancelled'));
    expect(screen.getByText(/Synchronisation pausiert: Was angekommen ist, bleibt/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a finished team sync says it is in step, in English', async () => {
    const { emit } = renderWithApi(<JobProgress />, { 'jobs/list': () => [] });
    emit({
      kind: 'job',
      job: jobFixture({ id: 'task-4', kind: 'sync', state: 'done', done: 3_000, total: 3_000 }),
    });
    expect(await screen.findByText('In step with the team.')).toBeTruthy();
    expect(screen.queryByText(/Import finished/)).toBeNull();
  });
});
