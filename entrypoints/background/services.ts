import type { Store } from '@/lib/db';
import type { CompiledProfile } from '@/lib/fit';
import type { Locale } from '@/lib/pipeline';
import type { TabStates } from './tab-state';
import type { AppEvent, JobView } from '@/lib/messages/events';
import type { DealConflict, RequestOf, SyncView } from '@/lib/messages';
import type { Deal } from '@/lib/pipeline';

/** Team sync as handlers see it (entrypoints/background/sync.ts; PouchDB loads only when configured). */
export interface SyncService {
  view(): Promise<SyncView>;
  save(input: RequestOf<'sync/save'>): Promise<SyncView>;
  disable(): Promise<SyncView>;
  syncNow(): Promise<SyncView>;
  conflict(dealId: string): Promise<DealConflict | null>;
  resolve(deal: Deal): Promise<Deal>;
  /** Sync rounds shown as jobs (the first sync, big rounds): running ones and the last finished. */
  jobs(): JobView[];
  /** Stops a running round (sync pauses until "Sync now"); undefined when no such job is known. */
  cancelJob(id: string): JobView | undefined;
  /** The rep's name on deals they own; undefined without team sync. */
  rep(): Promise<string | undefined>;
}

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
  sync: SyncService;
  healthReport: { pages: number; anchors: Record<string, { found: number; missing: number }> };
  access: {
    status(): Promise<{ webmail: boolean; allSites: boolean; registered: string[] }>;
    sync(): Promise<{ webmail: boolean; allSites: boolean; registered: string[] }>;
  };
}
