import { clearJobs, currentDeal, readStores } from '@/lib/db';
import type { CsvMapping } from '@/lib/io/csv';
import { startImport } from '@/lib/io/start-import';
import { FILE_CHARS } from '@/lib/io/parcels';
import { jobHooks } from '../jobs';
import { atGate } from '../test-gate';
import { takeText, textOf, workerTasks } from '../tasks';
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
  | 'data/upload'
  | 'data/result'
  | 'data/upload-drop'
> {
  const { tasks, parcels } = workerTasks(services);
  /** A file's text answered whole, or kept for `data/result` when the page asked for pieces. */
  const deliver = (text: string, inPieces: boolean | undefined) =>
    inPieces ? { result: parcels.keep(text) } : { text };
  return {
    async 'data/backup'({ inPieces }) {
      const { createBackup } = await backupIo();
      const store = await services.store();
      const backup = await tasks.run('backup', (control) => createBackup(store, control));
      const { text, result } = deliver(JSON.stringify(backup), inPieces);
      return { ...(text !== undefined ? { json: text } : { result }), counts: backup.counts };
    },
    async 'data/restore-plan'({ json, upload }) {
      const { planRestore } = await backupIo();
      // The upload stays for the restore the rep confirms; a backup that cannot be restored
      // leaves nothing behind (closing the dialog drops it through `data/upload-drop`).
      try {
        const plan = await planRestore(
          await services.store(),
          textOf(services, json, upload, FILE_CHARS.backup),
        );
        return { summary: plan.summary, exportedAt: plan.backup.exportedAt };
      } catch (error) {
        if (upload) parcels.drop(upload);
        throw error;
      }
    },
    async 'data/restore'({ json, upload }) {
      // Done, failed or cancelled: the upload is not kept (a retry picks the file again).
      const text = takeText(services, json, upload, FILE_CHARS.backup);
      const { planRestore, restoreBackup } = await backupIo();
      const store = await services.store();
      // Checked again (the store may have changed since the plan), then written in one transaction:
      // a cancel or a worker stop rolls it back whole.
      const plan = await tasks.run('restore', async (control) => {
        const checked = await planRestore(store, text);
        await atGate('restore');
        await restoreBackup(store, checked, control);
        return checked;
      });
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
    async 'data/import-csv'({ text, upload, mode, mapping, fileName }) {
      const source = takeText(services, text, upload, FILE_CHARS.csv);
      const [{ importCsv }, csvMapping] = await Promise.all([csvImport(), toMapping(mapping)]);
      const store = await services.store();
      services.jobAlarm?.(true);
      return await importCsv(store, source, {
        mode,
        mapping: csvMapping,
        hooks: jobHooks(services),
        fileName,
      });
    },
    async 'data/export-csv'({ inPieces }) {
      const { exportCsv } = await csvIo();
      const store = await services.store();
      const { contacts, deals } = await tasks.run('export-csv', (control) =>
        readStores(store, ['contacts', 'deals'], control),
      );
      const byContact = new Map<string, Deal[]>();
      for (const d of deals) byContact.set(d.contactId, [...(byContact.get(d.contactId) ?? []), d]);
      const csv = exportCsv(contacts, (id) => currentDeal(byContact.get(id) ?? []));
      const { text, result } = deliver(csv, inPieces);
      return { ...(text !== undefined ? { csv: text } : { result }), count: contacts.length };
    },
    async 'data/export-vcard'({ inPieces }) {
      const { toVCard4 } = await vcardIo();
      const store = await services.store();
      const { contacts } = await tasks.run('export-vcard', (control) =>
        readStores(store, ['contacts'], control),
      );
      const { text, result } = deliver(toVCard4(contacts), inPieces);
      return { ...(text !== undefined ? { vcard: text } : { result }), count: contacts.length };
    },
    async 'data/import-vcard'({ text, upload, fileName }) {
      const { parseJCard, parseVCards } = await vcardIo();
      const source = takeText(services, text, upload, FILE_CHARS.vcard);
      const parsed = source.trimStart().startsWith('[') ? parseJCard(source) : parseVCards(source);
      const store = await services.store();
      const report = { errors: parsed.errors, skipped: parsed.skipped.length };
      services.jobAlarm?.(true);
      const { job, suppressed } = await startImport(
        store,
        parsed.contacts,
        { kind: 'vcard', file: fileName, at: services.now() },
        { kind: 'import-vcard', mode: 'valid-rows', ...report },
        jobHooks(services),
      );
      if (!job) return { created: 0, merged: 0, ...report, suppressed };
      const counts = { created: job.created, merged: job.merged, ...report, suppressed };
      return { ...counts, jobId: job.id, state: job.state };
    },
    async 'data/upload'({ id, index, text }) {
      return parcels.append(id, index, text);
    },
    async 'data/result'({ id, offset }) {
      return parcels.piece(id, offset);
    },
    async 'data/upload-drop'({ id }) {
      parcels.drop(id);
      return { dropped: true as const };
    },
  };
}
