import { listJobs } from '@/lib/db';
import { cancelJob, resumeJob, toJobView } from '@/lib/io/job-runner';
import type { HandlerMap } from '../router';
import type { Services } from '../services';
import { jobHooks } from '../jobs';
import { workerTasks } from '../tasks';

/** Long jobs (imports) and this worker's tasks (backup, restore, exports, team sync rounds): what runs or ran, cancel, resume. */
export function jobHandlers(
  services: Services,
): Pick<HandlerMap, 'jobs/list' | 'jobs/cancel' | 'jobs/resume'> {
  return {
    async 'jobs/list'() {
      const stored = (await listJobs(await services.store())).map(toJobView);
      const tasks = [...workerTasks(services).tasks.list(), ...services.sync.jobs()];
      return [...tasks, ...stored].sort((a, b) => b.startedAt - a.startedAt);
    },
    async 'jobs/cancel'({ id }) {
      // A backup, restore or export of this worker stops at once; an import rolls its chunks back.
      // A team sync round stops now and sync pauses (what arrived stays).
      const task = workerTasks(services).tasks.cancel(id) ?? services.sync.cancelJob(id);
      if (task) return task;
      return toJobView(await cancelJob(await services.store(), id, jobHooks(services)));
    },
    async 'jobs/resume'({ id }) {
      return toJobView(await resumeJob(await services.store(), id, jobHooks(services)));
    },
  };
}
