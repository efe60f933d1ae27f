import { expect, test } from 'vitest';
import type { JobView } from '../messages/events';
import { jobFixture } from './job-fixture';
import { estimate, formatDuration, isActive } from './job-progress';

test('rate and time left come from this run only (a resumed job does not count the rows before)', () => {
  expect(estimate(jobFixture({ startedAt: 0, updatedAt: 0, runStartedAt: 0 }))).toBeUndefined();
  expect(estimate(jobFixture({ done: 20_000, runStartedAt: 0, updatedAt: 10_000 }))).toEqual({
    rowsPerSecond: 2_000,
    remainingMs: 40_000,
  });
  // Resumed at row 50,000 at t=60 s; 10,000 more in 5 s.
  expect(
    estimate(jobFixture({ done: 60_000, runStartDone: 50_000, runStartedAt: 60_000, updatedAt: 65_000 })),
  ).toEqual({ rowsPerSecond: 2_000, remainingMs: 20_000 });
  // Cancelling counts down.
  expect(
    estimate(
      jobFixture({
        state: 'cancelling',
        done: 30_000,
        runStartDone: 40_000,
        runStartedAt: 0,
        updatedAt: 2_000,
      }),
    ),
  ).toEqual({ rowsPerSecond: 5_000, remainingMs: 6_000 });
});

test('durations read as a rep says them', () => {
  expect(formatDuration(400)).toBe('1 s');
  expect(formatDuration(45_000)).toBe('45 s');
  expect(formatDuration(61_000)).toBe('2 min');
  expect(formatDuration(3_900_000)).toBe('1 h 5 min');
});

test('active states', () => {
  expect(
    ['running', 'paused', 'cancelling', 'done', 'cancelled', 'failed'].map((s) =>
      isActive({ state: s as JobView['state'] }),
    ),
  ).toEqual([true, true, true, false, false, false]);
});
