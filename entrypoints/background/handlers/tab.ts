import type { HandlerMap } from '../router';
import type { Services } from '../services';

export function tabHandlers(
  services: Services,
): Pick<HandlerMap, 'tab/state' | 'tab/scan' | 'health/get' | 'access/status' | 'access/sync'> {
  return {
    async 'tab/state'({ tabId }) {
      const { focus: _focus, ...state } = services.tabs.get(tabId);
      return state;
    },
    async 'tab/scan'({ tabId }) {
      return { injected: await services.injectScanner(tabId) };
    },
    async 'health/get'() {
      return { pages: services.healthReport.pages, anchors: services.healthReport.anchors };
    },
    async 'access/status'() {
      return services.access.status();
    },
    async 'access/sync'() {
      return services.access.sync();
    },
  };
}
