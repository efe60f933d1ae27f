import { followUpPolicy, readSetting, updateSetting, writeSetting, StoreError, type Store } from '@/lib/db';
import { STEP_IDS } from '@/lib/pipeline';
import { compileProfile, parseProfile, type FitProfile } from '@/lib/fit';
import type { SettingsView } from '@/lib/messages';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

export async function settingsView(store: Store): Promise<SettingsView> {
  // Read side by side: every extension page asks for this as it opens.
  const [locale, profiles, activeProfileId, followUpDays] = await Promise.all([
    readSetting(store, 'locale'),
    readSetting(store, 'fit.profiles'),
    readSetting(store, 'fit.active'),
    followUpPolicy(store).then(
      (p) => Object.fromEntries(STEP_IDS.map((s) => [s, p.workingDays(s)])) as SettingsView['followUpDays'],
    ),
  ]);
  return { locale, profiles, activeProfileId, followUpDays };
}

export function settingsHandlers(
  services: Services,
): Pick<
  HandlerMap,
  | 'settings/get'
  | 'settings/set-locale'
  | 'settings/set-follow-up-days'
  | 'settings/save-profile'
  | 'settings/delete-profile'
  | 'settings/activate-profile'
> {
  return {
    async 'settings/get'() {
      return settingsView(await services.store());
    },
    async 'settings/set-follow-up-days'({ step, days }) {
      const store = await services.store();
      await writeSetting(store, 'followUp.workingDays', {
        ...(await readSetting(store, 'followUp.workingDays')),
        [step]: days,
      });
      return await settingsView(store);
    },
    async 'settings/set-locale'({ locale }) {
      const store = await services.store();
      await writeSetting(store, 'locale', locale);
      return await settingsView(store);
    },
    async 'settings/save-profile'({ profile, activate }) {
      const parsed = parseProfile(profile);
      if (!parsed.ok) {
        throw new StoreError(
          'invalid',
          parsed.issues.map((i) => `${i.path || 'profile'}: ${i.message}`).join('\n'),
        );
      }
      compileProfile(parsed.profile);
      const store = await services.store();
      await updateSetting(store, 'fit.profiles', (profiles) => [
        ...profiles.filter((p) => p.id !== parsed.profile.id),
        parsed.profile,
      ]);
      if (activate) await writeSetting(store, 'fit.active', parsed.profile.id);
      return await settingsView(store);
    },
    async 'settings/delete-profile'({ id }) {
      const store = await services.store();
      let next: FitProfile[] = [];
      await updateSetting(store, 'fit.profiles', (profiles) => {
        if (profiles.length <= 1) throw new StoreError('invalid', 'Keep at least one criteria profile.');
        return (next = profiles.filter((p) => p.id !== id));
      });
      if ((await readSetting(store, 'fit.active')) === id)
        await writeSetting(store, 'fit.active', next[0]!.id);
      return await settingsView(store);
    },
    async 'settings/activate-profile'({ id }) {
      const store = await services.store();
      const profiles = await readSetting(store, 'fit.profiles');
      if (!profiles.some((p) => p.id === id)) throw new StoreError('not-found', 'No such criteria profile.');
      await writeSetting(store, 'fit.active', id);
      return await settingsView(store);
    },
  };
}
