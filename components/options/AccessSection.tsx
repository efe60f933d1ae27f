import { useAction, useApi, useQuery } from '../api';
import { ErrorState } from '../States';
import { useT } from '../i18n';

export type AccessKind = 'webmail' | 'allSites';

/** Host access, asked for from a click here; granting registers the content scripts at once. */
export function AccessSection({
  request,
  revoke,
}: {
  request(kind: AccessKind): Promise<boolean>;
  revoke(kind: AccessKind): Promise<boolean>;
}) {
  const { send } = useApi();
  const t = useT();
  const status = useQuery((s) => s('access/status', {}), []);
  const action = useAction();
  const toggle = (kind: AccessKind, on: boolean) =>
    action.run(async () => {
      // The permission prompt must come straight from the click.
      const done = on ? await request(kind) : await revoke(kind);
      if (done) await send('access/sync', {});
      status.reload();
    });
  return (
    <section aria-labelledby="access-title">
      <h2 id="access-title">{t('siteAccess')}</h2>
      {status.error && <ErrorState error={status.error} onRetry={status.reload} />}
      {action.error && <ErrorState error={action.error} />}
      <label class="inline">
        <input
          type="checkbox"
          checked={!!status.data?.webmail}
          onChange={(e) => void toggle('webmail', (e.target as HTMLInputElement).checked)}
        />
        Gmail and Outlook on the web: show fit and stage beside senders and recipients
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={!!status.data?.allSites}
          onChange={(e) => void toggle('allSites', (e.target as HTMLInputElement).checked)}
        />
        All sites: badges beside contacts on every page (otherwise use “Scan this page”)
      </label>
      {status.data && status.data.registered.length > 0 && (
        <p class="muted small">Active on: {status.data.registered.join(', ')}</p>
      )}
    </section>
  );
}
