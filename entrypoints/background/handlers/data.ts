import { allContacts, allDeals, clearJobs, currentDeal } from '@/lib/db';
import { createBackup, deleteEverything, planRestore, restoreBackup } from '@/lib/io/backup';
import { exportCsv, CSV_FIELDS, type CsvMapping } from '@/lib/io/csv';
import { importCsv } from '@/lib/io/import';
import { runNewJob } from '@/lib/io/job-runner';
import { withImportSource } from '@/lib/io/import-source';
import { jobHooks } from '../jobs';
import { parseJCard, parseVCards, toVCard4 } from '@/lib/io/vcard';
import type { Deal } from '@/lib/pipeline';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

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
    async 'data/import-csv'({ text, mode, mapping, fileName }) {
      const store = await services.store();
      services.jobAlarm?.(true);
      return await importCsv(store, text, {
        mode,
        mapping: toMapping(mapping),
        hooks: jobHooks(services),
        fileName,
      });
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
    async 'data/import-vcard'({ text, fileName }) {
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
