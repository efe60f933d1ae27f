import { STEP_IDS, STEPS } from '@/lib/pipeline';
import type { SettingsView } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useLocale, useT } from '../i18n';

/** Working days without a reply before a follow-up is due, per pipeline step. */
export function FollowUpSection({ settings }: { settings: SettingsView }) {
  const { send } = useApi();
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  return (
    <section aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUpDaysTitle')}</h2>
      <p class="muted small">{t('followUpDaysHelp')}</p>
      {action.error && <ErrorState error={action.error} />}
      <div class="follow-up-days">
        {STEP_IDS.map((step) => (
          <label key={step}>
            {STEPS[step].label[locale]}{' '}
            <input
              type="number"
              min={1}
              max={60}
              value={settings.followUpDays[step]}
              onChange={(e) => {
                const days = Number((e.target as HTMLInputElement).value);
                if (Number.isInteger(days) && days >= 1 && days <= 60)
                  void action.run(() => send('settings/set-follow-up-days', { step, days }));
              }}
            />
          </label>
        ))}
      </div>
    </section>
  );
}
