import { browser } from 'wxt/browser';
import { resolveLocale } from '@/lib/i18n/locale';
import { createClient } from '@/lib/messages/client';
import type { AppEvent } from '@/lib/messages/events';
import { EVENTS_PORT } from '@/lib/messages/port';
import { keptAnswers } from '@/lib/kept-answers';
import type { Api } from './api';

/** The Api of an extension page: messages to the background, and its change events over a port. */
export function extensionApi(): Api {
  const send = createClient((message) => browser.runtime.sendMessage(message));
  const listeners = new Set<(event: AppEvent) => void>();
  // The events' schemas (zod) load with the first event, not before the page's first render;
  // events are handed on in the order they came.
  const parser = keptAnswers(() => import('@/lib/messages/events').then((m) => m.parseAppEvent));
  let handed = Promise.resolve();
  const connect = () => {
    const port = browser.runtime.connect({ name: EVENTS_PORT });
    port.onMessage.addListener((message) => {
      // (A load that failed is tried again with the next event.)
      const parsing = parser(undefined);
      // One failing listener or load loses that event only, never the ones after it.
      handed = handed
        .then(async () => {
          const event = (await parsing)(message);
          if (event) listeners.forEach((l) => l(event));
        })
        .catch(() => undefined);
    });
    // The service worker may be stopped; reconnect so live updates keep coming.
    port.onDisconnect.addListener(() => setTimeout(connect, 500));
  };
  connect();
  return {
    send,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The tab a page is about: `?tab=` when given (tests, screenshots), else the active tab. */
export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Opens the side panel from a click: called synchronously, so the user gesture holds. */
export function openSidebarNow(tabId?: number) {
  const firefox = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (firefox) {
    void firefox.open().catch(() => undefined);
    return;
  }
  if (tabId !== undefined) void browser.sidePanel.open({ tabId }).catch(() => undefined);
}

export async function loadLocale(api: Api): Promise<'en' | 'de'> {
  try {
    const { locale } = await api.send('settings/get', {});
    if (locale !== 'auto') return locale;
  } catch {
    // fall back to the browser's language
  }
  return resolveLocale(browser.i18n.getUILanguage());
}
