import type { JobView } from '../messages/events';

/** A job as pages see it, for tests: a running CSV import of 100,000 rows unless overridden. */
export const jobFixture = (over: Partial<JobView> = {}): JobView => ({
  id: 'job-1',
  kind: 'import-csv',
  mode: 'valid-rows',
  state: 'running',
  total: 100_000,
  done: 0,
  created: 0,
  merged: 0,
  errorCount: 0,
  skipped: 0,
  startedAt: 1_000,
  updatedAt: 1_000,
  runStartedAt: 1_000,
  runStartDone: 0,
  ...over,
});
