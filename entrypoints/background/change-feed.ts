import type { Store } from '@/lib/db';
import type { AppEvent } from '@/lib/messages/events';
import type { Services } from './services';

/**
 * Runs `flush` once after the current task, however many times `schedule` was called in it: one
 * save that writes a contact and a deal (two store events) causes one refresh.
 */
export function coalesce(flush: () => Promise<void> | void): { schedule(): void; idle(): Promise<void> } {
  let timer: Promise<void> | undefined;
  let last: Promise<void> = Promise.resolve();
  return {
    schedule() {
      timer ??= new Promise<void>((resolve) =>
        setTimeout(() => {
          // A change during a flush schedules the next one, which runs after it.
          timer = undefined;
          last = last.then(flush).catch(() => undefined);
          resolve();
        }, 0),
      );
    },
    /** Resolves once every scheduled flush has run (tests wait on it). */
    async idle() {
      for (;;) {
        if (timer) await timer;
        const running = last;
        await running;
        if (!timer && running === last) return;
      }
    },
  };
}

/**
 * The one path from a stored change to every view: the store's own change events (whatever
 * wrote) rescore the tabs that reported contacts, then open extension pages hear `changed` once
 * and those tabs' content scripts refresh their badges (reading the rescored state).
 */
export function setUpChangeFeed(
  services: Services,
  store: Pick<Store, 'onChange'>,
  announce: (event: Extract<AppEvent, { kind: 'changed' }>) => void,
): { stop(): void; idle(): Promise<void> } {
  const feed = coalesce(async () => {
    const tabs = services.tabs.reportedTabs();
    // The page handlers (detection's checks and fit) load with the first tab that reported.
    const { rescoreTab } = tabs.length ? await import('./handlers/page') : { rescoreTab: undefined };
    if (rescoreTab)
      await Promise.all(tabs.map((tabId) => rescoreTab(services, tabId).catch(() => undefined)));
    announce({ kind: 'changed' });
    for (const tabId of tabs) services.refreshTab(tabId);
  });
  const stop = store.onChange(() => feed.schedule());
  return { stop, idle: () => feed.idle() };
}
