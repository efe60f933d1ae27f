import {
  allContacts,
  allDeals,
  clearJobs,
  currentDeal,
  readSetting,
  writeSetting,
  type Store,
} from '@/lib/db';
import { createBackup, deleteEverything, planRestore, restoreBackup } from '@/lib/io/backup';
import { exportCsv, CSV_FIELDS, type CsvMapping } from '@/lib/io/csv';
import { importCsv } from '@/lib/io/import';
import { runNewJob } from '@/lib/io/job-runner';
import { jobHooks } from '../jobs';
import { parseJCard, parseVCards, toVCard4 } from '@/lib/io/vcard';
import { compileProfile, parseProfile } from '@/lib/fit';
import { StoreError } from '@/lib/db';
import type { Deal } from '@/lib/pipeline';
import type { SettingsView } from '@/lib/messages';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

export async function settingsView(store: Store): Promise<SettingsView> {
  return {
    locale: await readSetting(store, 'locale'),
    profiles: await readSetting(store, 'fit.profiles'),
    activeProfileId: await readSetting(store, 'fit.active'),
  };
}

function toMapping(raw: (string | null)[] | undefined): CsvMapping | undefined {
  if (!raw) return undefined;
  return raw.map((f) =>
    (CSV_FIELDS as readonly string[]).includes(f ?? '') ? (f as CsvMapping[number]) : null,
  );
}

export function dataHandlers(
  services: Services,
): Pick<
  HandlerMap,
  | 'data/backup'
  | 'data/restore-plan'
  | 'data/restore'
  | 'data/delete-all'
  | 'data/import-csv'
  | 'data/export-csv'
  | 'data/export-vcard'
  | 'data/import-vcard'
  | 'settings/get'
  | 'settings/set-locale'
  | 'settings/save-profile'
  | 'settings/delete-profile'
  | 'settings/activate-profile'
> {
  return {
    async 'data/backup'() {
      const backup = await createBackup(await services.store());
      return { json: JSON.stringify(backup), counts: backup.counts };
    },
    async 'data/restore-plan'({ json }) {
      const plan = await planRestore(await services.store(), json);
      return { summary: plan.summary, exportedAt: plan.backup.exportedAt };
    },
    async 'data/restore'({ json }) {
      const store = await services.store();
      const plan = await planRestore(store, json);
      await restoreBackup(store, plan);
      return { restored: plan.backup.counts };
    },
    async 'data/delete-all'() {
      const store = await services.store();
      // A running import stops at its next chunk (its job is gone), before the data goes.
      await clearJobs(store);
      await deleteEverything(store);
      return { deleted: true as const };
    },
    async 'data/import-csv'({ text, mode, mapping }) {
      const store = await services.store();
      services.jobAlarm?.(true);
      return await importCsv(store, text, { mode, mapping: toMapping(mapping), hooks: jobHooks(services) });
    },
    async 'data/export-csv'() {
      const store = await services.store();
      const contacts = await allContacts(store);
      const byContact = new Map<string, Deal[]>();
      for (const d of await allDeals(store))
        byContact.set(d.contactId, [...(byContact.get(d.contactId) ?? []), d]);
      return {
        csv: exportCsv(contacts, (id) => currentDeal(byContact.get(id) ?? [])),
        count: contacts.length,
      };
    },
    async 'data/export-vcard'() {
      const contacts = await allContacts(await services.store());
      return { vcard: toVCard4(contacts), count: contacts.length };
    },
    async 'data/import-vcard'({ text }) {
      const parsed = text.trimStart().startsWith('[') ? parseJCard(text) : parseVCards(text);
      const report = { errors: parsed.errors, skipped: parsed.skipped.length };
      if (!parsed.contacts.length) return { created: 0, merged: 0, ...report };
      services.jobAlarm?.(true);
      const job = await runNewJob(
        await services.store(),
        { kind: 'import-vcard', mode: 'valid-rows', inputs: parsed.contacts, ...report },
        jobHooks(services),
      );
      return { created: job.created, merged: job.merged, ...report, jobId: job.id, state: job.state };
    },
    async 'settings/get'() {
      return settingsView(await services.store());
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
      const profiles = await readSetting(store, 'fit.profiles');
      const next = [...profiles.filter((p) => p.id !== parsed.profile.id), parsed.profile];
      await writeSetting(store, 'fit.profiles', next);
      if (activate) await writeSetting(store, 'fit.active', parsed.profile.id);
      return await settingsView(store);
    },
    async 'settings/delete-profile'({ id }) {
      const store = await services.store();
      const profiles = await readSetting(store, 'fit.profiles');
      if (profiles.length <= 1) throw new StoreError('invalid', 'Keep at least one criteria profile.');
      const next = profiles.filter((p) => p.id !== id);
      await writeSetting(store, 'fit.profiles', next);
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
