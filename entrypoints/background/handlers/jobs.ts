import { listJobs } from '@/lib/db';
import { cancelJob, resumeJob, toJobView } from '@/lib/io/job-runner';
import type { HandlerMap } from '../router';
import type { Services } from '../services';
import { jobHooks } from '../jobs';

/** Long jobs: what runs or ran, and the rep's cancel (a rollback) and resume. */
export function jobHandlers(
  services: Services,
): Pick<HandlerMap, 'jobs/list' | 'jobs/cancel' | 'jobs/resume'> {
  return {
    async 'jobs/list'() {
      return (await listJobs(await services.store())).map(toJobView);
    },
    async 'jobs/cancel'({ id }) {
      return toJobView(await cancelJob(await services.store(), id, jobHooks(services)));
    },
    async 'jobs/resume'({ id }) {
      return toJobView(await resumeJob(await services.store(), id, jobHooks(services)));
    },
  };
}
