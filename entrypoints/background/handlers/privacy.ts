import { allowAgain, suppressedCount } from '@/lib/db';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

/** The never-suggest list on the settings page: its size, and lifting it for one address. */
export function privacyHandlers(
  services: Services,
): Pick<HandlerMap, 'privacy/suppressed-count' | 'privacy/unsuppress'> {
  return {
    async 'privacy/suppressed-count'() {
      return { count: await suppressedCount(await services.store()) };
    },
    async 'privacy/unsuppress'({ email }) {
      const store = await services.store();
      const removed = await allowAgain(store, email);
      return { removed, count: await suppressedCount(store) };
    },
  };
}
