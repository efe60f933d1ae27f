import { atGate } from './test-gate';
import { unfinishedJobs } from '@/lib/db';
import { driveJob, toJobView, type JobHooks } from '@/lib/io/job-runner';
import type { Services } from './services';

/** Every job step tells open pages where the job is. */
export function jobHooks(services: Services): JobHooks {
  return {
    report: (job) => services.broadcast({ kind: 'job', job: toJobView(job) }),
    // The E2E build can hold an import between two chunks (entrypoints/background/test-gate.ts).
    ...(import.meta.env.PS_TEST_HOSTS === '1'
      ? { yieldBetween: () => atGate('import') ?? new Promise<void>((go) => setTimeout(go, 0)) }
      : {}),
  };
}

/**
 * Carries on with every unfinished job (an import the worker's stop interrupted, or a cancel's
 * rollback). Runs on every wake, whatever woke the worker: startup, a message, a port, the alarm.
 */
export async function resumeUnfinishedJobs(services: Services): Promise<number> {
  const store = await services.store();
  const jobs = await unfinishedJobs(store);
  services.jobAlarm?.(jobs.length > 0);
  if (!jobs.length) return 0;
  await Promise.all(jobs.map((job) => driveJob(store, job.id, jobHooks(services)).catch(() => undefined)));
  return jobs.length;
}
