import { allContacts, allDeals, clearJobs, currentDeal } from '@/lib/db';
import type { CsvMapping } from '@/lib/io/csv';
import { runNewJob } from '@/lib/io/job-runner';
import { withImportSource } from '@/lib/io/import-source';
import { jobHooks } from '../jobs';
import type { Deal } from '@/lib/pipeline';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

/**
 * Backup, CSV (papaparse) and vCard load when a handler first needs them: a waking worker (a
 * popup, a reminder, a page's report) evaluates none of them before main(). One bundle still holds
 * them (an extension's service worker cannot fetch code later); the build defers their evaluation.
 */
const backupIo = () => import('@/lib/io/backup');
const csvIo = () => import('@/lib/io/csv');
const csvImport = () => import('@/lib/io/import');
const vcardIo = () => import('@/lib/io/vcard');

async function toMapping(raw: (string | null)[] | undefined): Promise<CsvMapping | undefined> {
  if (!raw) return undefined;
  const { CSV_FIELDS } = await csvIo();
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
> {
  return {
    async 'data/backup'() {
      const { createBackup } = await backupIo();
      const backup = await createBackup(await services.store());
      return { json: JSON.stringify(backup), counts: backup.counts };
    },
    async 'data/restore-plan'({ json }) {
      const { planRestore } = await backupIo();
      const plan = await planRestore(await services.store(), json);
      return { summary: plan.summary, exportedAt: plan.backup.exportedAt };
    },
    async 'data/restore'({ json }) {
      const { planRestore, restoreBackup } = await backupIo();
      const store = await services.store();
      const plan = await planRestore(store, json);
      await restoreBackup(store, plan);
      return { restored: plan.backup.counts };
    },
    async 'data/delete-all'() {
      const store = await services.store();
      // A running import stops at its next chunk (its job is gone), before the data goes.
      await clearJobs(store);
      const { deleteEverything } = await backupIo();
      await deleteEverything(store);
      return { deleted: true as const };
    },
    async 'data/import-csv'({ text, mode, mapping, fileName }) {
      const [{ importCsv }, csvMapping] = await Promise.all([csvImport(), toMapping(mapping)]);
      const store = await services.store();
      services.jobAlarm?.(true);
      return await importCsv(store, text, {
        mode,
        mapping: csvMapping,
        hooks: jobHooks(services),
        fileName,
      });
    },
    async 'data/export-csv'() {
      const { exportCsv } = await csvIo();
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
      const { toVCard4 } = await vcardIo();
      const contacts = await allContacts(await services.store());
      return { vcard: toVCard4(contacts), count: contacts.length };
    },
    async 'data/import-vcard'({ text, fileName }) {
      const { parseJCard, parseVCards } = await vcardIo();
      const parsed = text.trimStart().startsWith('[') ? parseJCard(text) : parseVCards(text);
      const report = { errors: parsed.errors, skipped: parsed.skipped.length };
      if (!parsed.contacts.length) return { created: 0, merged: 0, ...report };
      services.jobAlarm?.(true);
      const store = await services.store();
      const inputs = withImportSource(parsed.contacts, { kind: 'vcard', file: fileName, at: services.now() });
      const job = await runNewJob(
        store,
        { kind: 'import-vcard', mode: 'valid-rows', inputs, ...report },
        jobHooks(services),
      );
      return { created: job.created, merged: job.merged, ...report, jobId: job.id, state: job.state };
    },
  };
}
