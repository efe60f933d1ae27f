import type { Store } from '@/lib/db';
import type { CompiledProfile } from '@/lib/fit';
import type { Locale } from '@/lib/pipeline';
import type { TabStates } from './tab-state';
import type { AppEvent } from '@/lib/messages/events';

/** What handlers need from the outside world, so they can be tested without a browser. */
export interface Services {
  store(): Promise<Store>;
  tabs: TabStates;
  activeProfile(): Promise<CompiledProfile>;
  locale(): Promise<Locale>;
  now(): number;
  /** Opens the sidebar for a tab (needs a user gesture in Chrome); false when it cannot. */
  openSidebar(tabId?: number): Promise<boolean>;
  /** Injects the content script into a tab (activeTab or a granted host). */
  injectScanner(tabId: number): Promise<boolean>;
  /** Tells a tab's content script to refresh its badges. */
  refreshTab(tabId: number): void;
  /** Tells open extension pages about a tab or a focus; data changes travel by themselves (the store's events). */
  broadcast(event: Exclude<AppEvent, { kind: 'changed' }>): void;
  /** Keeps an alarm that wakes the worker while a job is unfinished (on), or clears it (off). */
  jobAlarm?(on: boolean): void;
  healthReport: { pages: number; anchors: Record<string, { found: number; missing: number }> };
  access: {
    status(): Promise<{ webmail: boolean; allSites: boolean; registered: string[] }>;
    sync(): Promise<{ webmail: boolean; allSites: boolean; registered: string[] }>;
  };
}
