import {
  deleteDeal,
  deleteThreadsOfDeal,
  duplicatesOf,
  forgetContact,
  forgetPreview,
  getContact,
  mergeContacts,
  personRecords,
  referralsOf,
  restorePerson,
  StoreError,
  suppress,
  suppressedHashes,
  unsuppress,
  updateDeal,
  type ForgottenRecords,
} from '@/lib/db';
import { suppressionHashes } from '@/lib/contacts/suppression';
import { applyDealEdit } from '@/lib/pipeline/deal-edit';
import { relinkThreads } from '../threads';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

/** How long a forgotten person can be brought back; after that only the deletion remains. */
export const UNDO_MS = 8_000;
const MAX_PENDING = 20;

interface Pending {
  records: ForgottenRecords;
  hashes: string[];
  until: number;
  timer: ReturnType<typeof setTimeout>;
}

/** The rep owns the record: edit deals, merge duplicates, forget a person, see what is stored. */
export function recordHandlers(
  services: Services,
): Pick<
  HandlerMap,
  | 'contacts/duplicates'
  | 'contacts/merge'
  | 'contacts/forget-preview'
  | 'contacts/forget'
  | 'contacts/forget-undo'
  | 'contacts/record'
  | 'deals/edit'
  | 'deals/delete'
> {
  // Deleted records are kept in memory only, for the Undo window (a worker restart ends it early).
  const pending = new Map<string, Pending>();
  const settle = (token: string) => {
    const entry = pending.get(token);
    if (entry) clearTimeout(entry.timer);
    pending.delete(token);
    return entry;
  };

  return {
    async 'contacts/duplicates'({ id }) {
      const store = await services.store();
      const contact = await getContact(store, id);
      if (!contact) throw new StoreError('not-found', 'This contact no longer exists.');
      return duplicatesOf(store, contact);
    },
    async 'contacts/merge'(request) {
      const store = await services.store();
      const result = await mergeContacts(store, request);
      // Threads read with only the other's address and no saved contact in them link now.
      await relinkThreads(store, result.contact.id).catch(() => undefined);
      return result;
    },
    async 'contacts/forget-preview'({ id }) {
      return forgetPreview(await services.store(), id);
    },
    async 'contacts/forget'({ id, suppress: never }) {
      const store = await services.store();
      const contact = await getContact(store, id);
      if (!contact) throw new StoreError('not-found', 'This contact no longer exists.');
      // Suppressed first: a page or mailbox re-read that the deletion sets off must find it in place.
      // Only the hashes this forget adds are lifted again (on failure, or by Undo).
      const already = await suppressedHashes(store);
      const all = never ? await suppressionHashes(contact.emails) : [];
      const hashes = all.filter((h) => !already.has(h));
      await suppress(store, hashes);
      let records: Awaited<ReturnType<typeof forgetContact>>;
      try {
        // Threads only they are in go in the same transaction; threads others are in lose them.
        records = await forgetContact(store, id);
      } catch (error) {
        await unsuppress(store, hashes);
        throw error;
      }
      // Off the open tabs at once, before anything else awaits.
      services.tabs.dropPerson(id, records.contact.emailKeys);
      services.broadcast({ kind: 'focus' });
      const token = crypto.randomUUID();
      const until = services.now() + UNDO_MS;
      while (pending.size >= MAX_PENDING) settle(pending.keys().next().value!);
      pending.set(token, { records, hashes, until, timer: setTimeout(() => settle(token), UNDO_MS) });
      return {
        token,
        undoUntil: until,
        counts: records.counts,
        suppressed: all.length > 0,
      };
    },
    async 'contacts/forget-undo'({ token }) {
      const entry = settle(token);
      if (!entry || entry.until < services.now()) return { restored: false };
      const store = await services.store();
      await restorePerson(store, entry.records);
      await unsuppress(store, entry.hashes);
      return { restored: true };
    },
    async 'contacts/record'({ id }) {
      const store = await services.store();
      const records = await personRecords(store, id);
      if (!records) throw new StoreError('not-found', 'This contact no longer exists.');
      const referrals = (await referralsOf(store, id)).map((c) => ({ id: c.id, name: c.name }));
      const suppressed = await suppressedHashes(store);
      const hashes = await suppressionHashes(records.contact.emails);
      const exported = { exportedAt: new Date(services.now()).toISOString(), ...records, referrals };
      return {
        ...records,
        referrals,
        suppressed: hashes.some((h) => suppressed.has(h)),
        json: JSON.stringify(exported, null, 2),
        // vCard loads with its first use (handlers/data.ts says why).
        vcard: (await import('@/lib/io/vcard')).toVCard4([records.contact]),
      };
    },
    async 'deals/edit'({ dealId, expectedVersion, edit }) {
      return updateDeal(await services.store(), dealId, expectedVersion, (d, now) =>
        applyDealEdit(d, edit, now),
      );
    },
    async 'deals/delete'({ dealId, expectedVersion }) {
      const store = await services.store();
      const gone = await deleteDeal(store, dealId, expectedVersion);
      await deleteThreadsOfDeal(store, dealId);
      return { deleted: true, activities: gone.activities.length };
    },
  };
}
