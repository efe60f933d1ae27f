import { useMemo, useState } from 'preact/hooks';
import { compileProfile, parseProfile, type FitSubject } from '@/lib/fit';
import type { SettingsView } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useT } from '../i18n';
import type { Draft } from './criteria/draft';
import { FitPreview } from './criteria/FitPreview';
import { ProfileBar } from './criteria/ProfileBar';
import { ProfileFields } from './criteria/ProfileFields';
import { RuleList } from './criteria/RuleList';
import { SAMPLE_CONTACTS } from './criteria/samples';

export { SAMPLE_CONTACTS } from './criteria/samples';

/** The fit criteria: one profile at a time, validated as it is typed, previewed on sample people. */
export function CriteriaEditor({
  settings,
  samples = SAMPLE_CONTACTS,
}: {
  settings: SettingsView;
  samples?: (FitSubject & { label: string })[];
}) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const active = settings.profiles.find((p) => p.id === settings.activeProfileId) ?? settings.profiles[0]!;
  const [draft, setDraft] = useState<Draft>(structuredClone(active));
  const parsed = useMemo(() => parseProfile(draft), [draft]);
  const issues = parsed.ok ? [] : parsed.issues;
  const issueAt = (path: string) =>
    issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
  const preview = useMemo(() => (parsed.ok ? compileProfile(parsed.profile) : undefined), [parsed]);

  return (
    <section aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('criteria')}</h2>
      <ProfileBar
        draft={draft}
        profiles={settings.profiles}
        activeProfileId={settings.activeProfileId}
        onPick={setDraft}
      />
      <ProfileFields draft={draft} onChange={setDraft} issueAt={issueAt} />
      <RuleList rules={draft.rules} onChange={(rules) => setDraft({ ...draft, rules })} issueAt={issueAt} />
      <FitPreview profile={preview} samples={samples} />
      {action.error && <ErrorState error={action.error} />}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!parsed.ok || action.busy}
          onClick={() => action.run(() => send('settings/save-profile', { profile: draft, activate: true }))}
        >
          {t('save')}
        </button>
        {settings.profiles.length > 1 && settings.profiles.some((p) => p.id === draft.id) && (
          <button
            type="button"
            onClick={() => action.run(() => send('settings/delete-profile', { id: draft.id }))}
          >
            {t('deleteProfile')}
          </button>
        )}
      </div>
    </section>
  );
}
