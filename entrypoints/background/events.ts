import { browser, type Browser } from 'wxt/browser';
import type { AppEvent } from '@/lib/messages/events';
import { EVENTS_PORT } from '@/lib/messages/port';

/** Open extension pages connect a port; the background tells them what changed. */
export function createEventHub() {
  const ports = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EVENTS_PORT || port.sender?.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    if (!port.sender?.url?.startsWith(browser.runtime.getURL('/'))) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
  return {
    broadcast(event: AppEvent) {
      for (const port of ports) {
        try {
          port.postMessage(event);
        } catch {
          ports.delete(port);
        }
      }
    },
  };
}
