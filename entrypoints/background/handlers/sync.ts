import type { HandlerMap } from '../router';
import type { Services } from '../services';

export function syncHandlers(
  services: Services,
): Pick<
  HandlerMap,
  'sync/status' | 'sync/save' | 'sync/disable' | 'sync/now' | 'sync/conflict' | 'sync/resolve'
> {
  return {
    'sync/status': () => services.sync.view(),
    'sync/save': (input) => services.sync.save(input),
    'sync/disable': () => services.sync.disable(),
    'sync/now': () => services.sync.syncNow(),
    'sync/conflict': ({ dealId }) => services.sync.conflict(dealId),
    async 'sync/resolve'({ dealId, deal }) {
      if (deal.id !== dealId) throw new Error('The chosen version belongs to another deal.');
      return services.sync.resolve(deal);
    },
  };
}
