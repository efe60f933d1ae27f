import { forgetContact } from '@/lib/db';
import type { HandlerMap } from '../router';
import { changed as broadcastChanged, type Services } from '../services';

export function syncHandlers(
  services: Services,
): Pick<
  HandlerMap,
  | 'contacts/forget'
  | 'sync/status'
  | 'sync/save'
  | 'sync/disable'
  | 'sync/now'
  | 'sync/conflict'
  | 'sync/resolve'
> {
  const changed = <T>(value: T) => broadcastChanged(services, value);
  return {
    async 'contacts/forget'({ id }) {
      const removed = await forgetContact(await services.store(), id);
      return changed({
        contacts: removed.contacts.length,
        deals: removed.deals.length,
        activities: removed.activities.length,
      });
    },
    'sync/status': () => services.sync.view(),
    'sync/save': (input) => services.sync.save(input),
    'sync/disable': () => services.sync.disable(),
    'sync/now': async () => changed(await services.sync.syncNow()),
    'sync/conflict': ({ dealId }) => services.sync.conflict(dealId),
    async 'sync/resolve'({ dealId, deal }) {
      if (deal.id !== dealId) throw new Error('The chosen version belongs to another deal.');
      return changed(await services.sync.resolve(deal));
    },
  };
}
