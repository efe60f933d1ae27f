import { useAction, useApi, useQuery } from '../api';
import { ErrorState, Loading } from '../States';
import { useT } from '../i18n';
import { AccessSection, type AccessKind } from './AccessSection';
import { CriteriaEditor } from './CriteriaEditor';
import { DataSection } from './DataSection';
import { HealthSection } from './HealthSection';
import { NeverSuggestSection } from './NeverSuggestSection';
import { SyncSection } from './SyncSection';
import { FollowUpSection } from './FollowUpSection';
import { TemplatesSection } from './TemplatesSection';

export function Options(props: {
  request(kind: AccessKind): Promise<boolean>;
  revoke(kind: AccessKind): Promise<boolean>;
  requestOrigin(pattern: string): Promise<boolean>;
}) {
  const { send } = useApi();
  const t = useT();
  const settings = useQuery((s) => s('settings/get', {}), []);
  const templates = useQuery((s) => s('templates/get', {}), []);
  const action = useAction();
  return (
    <main class="options">
      <h1>
        {t('appName')} · {t('options')}
      </h1>
      {settings.error && <ErrorState error={settings.error} onRetry={settings.reload} />}
      {settings.loading && !settings.data && <Loading />}
      <AccessSection {...props} />
      {settings.data && (
        <section aria-labelledby="lang-title">
          <h2 id="lang-title">{t('language')}</h2>
          {action.error && <ErrorState error={action.error} />}
          <select
            aria-label={t('language')}
            value={settings.data.locale}
            onChange={(e) =>
              action.run(() =>
                send('settings/set-locale', {
                  locale: (e.target as HTMLSelectElement).value as 'en' | 'de' | 'auto',
                }),
              )
            }
          >
            <option value="auto">{t('localeAuto')}</option>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </section>
      )}
      {settings.data && (
        <CriteriaEditor
          key={`${settings.data.activeProfileId}:${settings.data.profiles.length}`}
          settings={settings.data}
        />
      )}
      <SyncSection requestOrigin={props.requestOrigin} />
      {settings.data && <FollowUpSection settings={settings.data} />}
      {templates.error && <ErrorState error={templates.error} onRetry={templates.reload} />}
      {templates.data && <TemplatesSection library={templates.data} />}
      <DataSection />
      <NeverSuggestSection />
      <HealthSection />
    </main>
  );
}
