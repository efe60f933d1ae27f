import { useLayoutEffect, useState } from 'preact/hooks';
import { useAction, useApi, useQuery } from '../api';
import { ErrorState } from '../States';
import { formatDate, useLocale, useT } from '../i18n';
import { checkConfig, originPattern, type SyncConfig } from '@/lib/sync/config';
import type { SyncView } from '@/lib/messages';

type Draft = Required<Pick<SyncConfig, 'url' | 'database' | 'auth'>> & {
  username: string;
  password: string;
  rep: string;
};

function draftOf(view: SyncView | undefined): Draft {
  const s = view?.server;
  return {
    url: s?.url ?? '',
    database: s?.database ?? '',
    auth: s?.auth ?? 'password',
    username: s?.username ?? '',
    password: '',
    rep: s?.rep ?? '',
  };
}

/**
 * Team sync settings. The server's origin is asked for as a host permission from the click
 * that saves it; the password goes to the background and never comes back to a page.
 */
export function SyncSection({ requestOrigin }: { requestOrigin(pattern: string): Promise<boolean> }) {
  const { send, subscribe } = useApi();
  const t = useT();
  const locale = useLocale();
  const status = useQuery((s) => s('sync/status', {}), [], ['changed']);
  const action = useAction();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [denied, setDenied] = useState(false);
  const form = draft ?? draftOf(status.data);
  const set = (patch: Partial<Draft>) => setDraft({ ...form, ...patch });
  const config: SyncConfig = {
    url: form.url,
    database: form.database.trim(),
    auth: form.auth,
    username: form.username.trim() || undefined,
    password: form.password || undefined,
    rep: form.rep.trim() || undefined,
  };
  const issues = checkConfig(config);
  const view = status.data;
  // A sync round that ended (finished, stopped, failed) changed the status: paused, last sync.
  useLayoutEffect(
    () =>
      subscribe((event) => {
        if (event.kind === 'job' && event.job.kind === 'sync' && !isRunning(event.job.state)) status.reload();
      }),
    [status.reload],
  );

  const save = () =>
    action.run(async () => {
      setDenied(false);
      // The permission prompt must come straight from the click.
      if (!(await requestOrigin(originPattern(config)))) {
        setDenied(true);
        return;
      }
      await send('sync/save', config);
      setDraft(undefined);
      status.reload();
    });
  const run = (type: 'sync/now' | 'sync/disable') =>
    action.run(async () => {
      await send(type, {});
      if (type === 'sync/disable') setDraft(undefined);
      status.reload();
    });
  const field = (key: 'url' | 'database' | 'username' | 'rep', label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={form[key]}
        autoComplete="off"
        onInput={(e) => set({ [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );

  return (
    <section aria-labelledby="sync-title" data-sync-state={view?.state ?? 'loading'}>
      <h2 id="sync-title">{t('sync')}</h2>
      <p class="muted small">{t('syncIntro')}</p>
      {status.error && <ErrorState error={status.error} onRetry={status.reload} />}
      {action.error && <ErrorState error={action.error} />}
      {field('url', t('syncServer'), 'url')}
      {field('database', t('syncDatabase'))}
      <label>
        {t('syncAuth')}
        <select
          value={form.auth}
          onChange={(e) => set({ auth: (e.target as HTMLSelectElement).value as Draft['auth'] })}
        >
          <option value="password">{t('syncAuthPassword')}</option>
          <option value="cookie">{t('syncAuthCookie')}</option>
          <option value="none">{t('syncAuthNone')}</option>
        </select>
      </label>
      {form.auth !== 'none' && field('username', t('syncUser'))}
      {form.auth !== 'none' && (
        <label>
          {t('syncPassword')}
          <input
            type="password"
            value={form.password}
            autoComplete="new-password"
            onInput={(e) => set({ password: (e.target as HTMLInputElement).value })}
          />
          {view?.server?.passwordSet && <span class="muted small">{t('syncPasswordKept')}</span>}
        </label>
      )}
      {field('rep', t('syncRep'))}
      {(draft || !view?.configured) && form.url && issues.length > 0 && (
        <ul class="issues" role="alert">
          {issues.map((issue) => (
            <li key={issue}>{t(`syncIssue_${issue}`)}</li>
          ))}
        </ul>
      )}
      {denied && <p role="alert">{t('syncPermissionDenied')}</p>}
      <div class="row">
        <button type="button" disabled={action.busy || issues.length > 0} onClick={() => void save()}>
          {t('syncSave')}
        </button>
        {view?.configured && (
          <>
            <button type="button" disabled={action.busy} onClick={() => void run('sync/now')}>
              {t('syncNow')}
            </button>
            <button type="button" disabled={action.busy} onClick={() => void run('sync/disable')}>
              {t('syncDisable')}
            </button>
          </>
        )}
      </div>
      {view && (
        <dl class="sync-status">
          <dt>{t(`syncState_${view.state}`)}</dt>
          {view.error && <dd role="alert">{t(`syncError_${view.error.code}`)}</dd>}
          {view.paused && (
            <dd role="status" data-sync-paused="">
              {t('syncJobPaused')}
            </dd>
          )}
          {view.configured && (
            <>
              <dt>{t('syncLast')}</dt>
              <dd data-last-sync={view.lastSyncAt ?? ''}>
                {view.lastSyncAt
                  ? `${formatDate(view.lastSyncAt, locale)} ${new Date(view.lastSyncAt).toLocaleTimeString()}`
                  : t('syncNever')}
              </dd>
              <dt>{t('syncPending')}</dt>
              <dd data-pending={view.pending}>{view.pending}</dd>
              <dt>{t('syncConflicts')}</dt>
              <dd data-conflicts={view.conflicts}>{view.conflicts}</dd>
              {view.refused > 0 && (
                <>
                  <dt>{t('syncRefused')}</dt>
                  <dd>{view.refused}</dd>
                </>
              )}
            </>
          )}
        </dl>
      )}
    </section>
  );
}

const isRunning = (state: string) => state === 'running' || state === 'cancelling';
