import { recordFact, type DealFact } from '../pipeline/deal';
import { stored } from './deals';
import { asStoreError, StoreError } from './errors';
import { dbOf } from './internal';
import { STRICT, type Store } from './open';
import type { Activity, StoredDeal } from './schema';

/**
 * Logs a sent template as the deal's `email` activity, once per `key` (the activities' unique
 * message index), with its fact in the same transaction. A mail-side write, not the rep's edit:
 * an open sidebar's next click still applies (`repVersion`). Returns false when already logged.
 */
export async function logTemplateSent(
  store: Store,
  input: { dealId: string; key: string; text: string; fact?: DealFact },
): Promise<boolean> {
  try {
    const tx = dbOf(store).transaction(['activities', 'deals'], 'readwrite', STRICT);
    const activities = tx.objectStore('activities');
    const deals = tx.objectStore('deals');
    if (await activities.index('byMessage').getKey(input.key)) return false;
    const deal = await deals.get(input.dealId);
    if (!deal) throw new StoreError('not-found', 'This deal no longer exists.');
    const now = store.now();
    let next: StoredDeal | undefined;
    if (input.fact && deal.status !== 'lost') {
      next = stored({
        ...recordFact(deal, input.fact, now),
        version: deal.version + 1,
        repVersion: deal.repVersion ?? deal.version,
      });
      await deals.put(next);
    }
    const activity: Activity = {
      id: store.newId(),
      subjectId: deal.id,
      contactId: deal.contactId,
      dealId: deal.id,
      kind: 'email',
      at: now,
      text: input.text.slice(0, 500),
      messageId: input.key,
      direction: 'out',
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await activities.add(activity);
    await tx.done;
    store.emit({ store: 'activities', ids: [activity.id], kind: 'put' });
    if (next) store.emit({ store: 'deals', ids: [deal.id], kind: 'put' });
    return true;
  } catch (error) {
    throw asStoreError(error);
  }
}
