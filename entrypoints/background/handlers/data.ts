import { allContacts, allDeals, currentDeal, upsertContacts } from '@/lib/db';
import { createBackup, deleteEverything, planRestore, restoreBackup } from '@/lib/io/backup';
import { exportCsv, CSV_FIELDS, type CsvMapping } from '@/lib/io/csv';
import { importCsv } from '@/lib/io/import';
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
      await deleteEverything(await services.store());
      return { deleted: true as const };
    },
    async 'data/import-csv'({ text, mode, mapping }) {
      return await importCsv(await services.store(), text, { mode, mapping: toMapping(mapping) });
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
      const results = parsed.contacts.length
        ? await upsertContacts(await services.store(), parsed.contacts)
        : [];
      const created = results.filter((r) => r.created).length;
      return {
        created,
        merged: results.length - created,
        errors: parsed.errors,
        skipped: parsed.skipped.length,
      };
    },
  };
}
