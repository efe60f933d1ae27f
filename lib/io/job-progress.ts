import type { JobView } from '../messages/events';

export interface JobEstimate {
  /** Rows written (or, while cancelling, rolled back) per second in this worker run. */
  rowsPerSecond: number;
  /** Time until the job is done (or rolled back), at that rate. */
  remainingMs: number;
}

/** The rate and time left of a job from its own counters; undefined until it has moved. */
export function estimate(job: JobView): JobEstimate | undefined {
  const seconds = (job.updatedAt - job.runStartedAt) / 1000;
  if (seconds <= 0) return undefined;
  const cancelling = job.state === 'cancelling';
  const moved = cancelling ? job.runStartDone - job.done : job.done - job.runStartDone;
  if (moved <= 0) return undefined;
  const rowsPerSecond = moved / seconds;
  const left = cancelling ? job.done : job.total - job.done;
  return { rowsPerSecond, remainingMs: (left / rowsPerSecond) * 1000 };
}

/** "45 s", "3 min", "1 h 5 min": a time left, rounded up to what a rep needs. */
export function formatDuration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const isActive = (job: Pick<JobView, 'state'>) =>
  job.state === 'running' || job.state === 'paused' || job.state === 'cancelling';
