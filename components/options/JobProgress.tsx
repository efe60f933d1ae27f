import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { JobView } from '@/lib/messages/events';
import { estimate, formatDuration, isActive } from '@/lib/io/job-progress';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useLocale, useT } from '../i18n';

/** How often a running backup, restore or export is checked for (the worker may have stopped). */
export const TASK_CHECK_MS = 3_000;

const isTask = (job: JobView) => !job.kind.startsWith('import-');

/**
 * The long jobs of the background (imports, backup, restore, exports, a team sync), live: a progress bar with counts, rate and time
 * left, Cancel; a paused job offers Resume and Discard. Fed by `job` events (whichever tab the
 * rep is on), and by `jobs/list` when the page opens or the worker woke again.
 */
export function JobProgress() {
  const { send, subscribe } = useApi();
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  const [jobs, setJobs] = useState<Record<string, JobView>>({});

  useLayoutEffect(() => {
    const keep = (job: JobView) =>
      setJobs((all) =>
        all[job.id] && all[job.id]!.updatedAt > job.updatedAt ? all : { ...all, [job.id]: job },
      );
    // Jobs that were running before this page opened (or the worker stopped and resumed them).
    void send('jobs/list', {}).then(
      (list) => list.filter(isActive).forEach(keep),
      () => undefined,
    );
    return subscribe((event) => {
      if (event.kind === 'job') keep(event.job);
    });
  }, []);

  // A backup, restore or export lives in the worker's memory: when the worker stops, it ends
  // without a last event. While one is shown running, ask now and then whether it still is.
  const runningTask = Object.values(jobs).some((j) => isTask(j) && isActive(j));
  useEffect(() => {
    if (!runningTask) return;
    const timer = setInterval(() => {
      void send('jobs/list', {}).then(
        (list) => {
          const alive = new Set(list.map((j) => j.id));
          setJobs((all) => {
            const gone = Object.values(all).filter((j) => isTask(j) && isActive(j) && !alive.has(j.id));
            if (!gone.length) return all;
            const next = { ...all };
            for (const j of gone) next[j.id] = { ...j, state: 'failed', error: t('taskStopped') };
            return next;
          });
        },
        () => undefined,
      );
    }, TASK_CHECK_MS);
    return () => clearInterval(timer);
  }, [runningTask]);

  const number = (n: number) => n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB');
  const shown = Object.values(jobs).sort((a, b) => b.startedAt - a.startedAt);
  if (!shown.length) return null;

  return (
    <div aria-label={t('jobs')} role="group">
      {action.error && <ErrorState error={action.error} />}
      {shown.map((job) => {
        const eta = estimate(job);
        // Backups, restores and exports count records; imports count rows; a team sync documents.
        const task = isTask(job);
        const sync = job.kind === 'sync';
        const unit = sync ? 'jobDocuments' : task ? 'jobRecords' : 'jobRows';
        const rate = sync ? 'jobDocumentsPerSecond' : task ? 'jobRecordsPerSecond' : 'jobPerSecond';
        const count =
          `${number(job.done)} / ${number(job.total)} ${t(unit)}` +
          (job.sync
            ? ` (${number(job.sync.pulled)} ${t('syncJobPulled')}, ${number(job.sync.pushed)} ${t('syncJobPushed')}, ${number(job.sync.applied)} ${t('syncJobApplied')})`
            : '');
        return (
          <div
            key={job.id}
            class="panel job"
            data-job-id={job.id}
            data-job-kind={job.kind}
            data-job-state={job.state}
          >
            <p>
              <strong>{t(`job_${job.kind}`)}</strong>
            </p>
            {isActive(job) && (
              <>
                <progress max={job.total} value={job.done} aria-label={t(`job_${job.kind}`)} />
                <p role="status">
                  {count}
                  {eta && job.state !== 'paused'
                    ? ` · ${number(Math.round(eta.rowsPerSecond))} ${t(rate)} · ${t('jobTimeLeft')} ${formatDuration(eta.remainingMs)}`
                    : ''}
                </p>
              </>
            )}
            {!task && job.state === 'running' && job.mode === 'all-or-nothing' && <p>{t('jobStaged')}</p>}
            {sync && job.state === 'running' && <p>{t('syncJobStopHint')}</p>}
            {job.state === 'cancelling' && (
              <p>{t(sync ? 'syncJobStopping' : task ? 'taskCancelling' : 'jobCancelling')}</p>
            )}
            {job.state === 'paused' && (
              <p class="error">
                {t('jobPausedAt')} {number(job.done + 1)}
                {job.error ? `: ${job.error}` : ''}
              </p>
            )}
            {job.state === 'done' && task && (
              <p role="status" class="ok">
                {t(sync ? 'syncJobDone' : 'taskDone')}
              </p>
            )}
            {job.state === 'done' && !task && (
              <p role="status" class="ok">
                {t('jobDone')} {number(job.created)} {t('jobNew')}, {number(job.merged)} {t('jobMerged')}
                {job.errorCount ? `, ${number(job.errorCount)} ${t('jobBroken')}` : ''}.
              </p>
            )}
            {job.state === 'cancelled' && (
              <p role="status" class="ok">
                {t(sync ? 'syncJobPaused' : task ? 'taskCancelled' : 'jobCancelled')}
              </p>
            )}
            {job.state === 'failed' && (
              <p role="status" class="error">
                {t(sync ? 'syncJobFailed' : task ? 'taskFailed' : 'jobFailed')} {job.error}
              </p>
            )}
            <div class="actions">
              {job.state === 'running' && (
                <button type="button" onClick={() => action.run(() => send('jobs/cancel', { id: job.id }))}>
                  {t(sync ? 'syncJobStop' : 'cancel')}
                </button>
              )}
              {job.state === 'paused' && (
                <>
                  <button
                    type="button"
                    class="primary"
                    onClick={() => action.run(() => send('jobs/resume', { id: job.id }))}
                  >
                    {t('jobResume')}
                  </button>
                  <button type="button" onClick={() => action.run(() => send('jobs/cancel', { id: job.id }))}>
                    {t('jobDiscard')}
                  </button>
                </>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
