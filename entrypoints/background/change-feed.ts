import type { Store } from '@/lib/db';
import type { AppEvent } from '@/lib/messages/events';
import { rescoreTab } from './handlers/page';
import type { Services } from './services';

/**
 * Runs `flush` once after the current task, however many times `schedule` was called in it: one
 * save that writes a contact and a deal (two store events) causes one refresh.
 */
export function coalesce(flush: () => Promise<void> | void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      void Promise.resolve()
        .then(flush)
        .catch(() => undefined);
    }, 0);
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
): () => void {
  const schedule = coalesce(async () => {
    const tabs = services.tabs.reportedTabs();
    await Promise.all(tabs.map((tabId) => rescoreTab(services, tabId).catch(() => undefined)));
    announce({ kind: 'changed' });
    for (const tabId of tabs) services.refreshTab(tabId);
  });
  return store.onChange(schedule);
}
