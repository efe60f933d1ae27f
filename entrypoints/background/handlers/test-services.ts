import { openTestStore } from '@/lib/db/test-store';
import { compileProfile, DEFAULT_PROFILE } from '@/lib/fit';
import { createHandlers } from './index';
import { TabStates } from '../tab-state';
import type { Services } from '../services';
import { setUpChangeFeed } from '../change-feed';
import type { JobView } from '@/lib/messages/events';

/** Every handler over a fresh test store and tab states, with the change feed wired (for tests). */
export async function setup() {
  const store = await openTestStore();
  const events: string[] = [];
  const refreshed: number[] = [];
  const jobEvents: JobView[] = [];
  const alarms: boolean[] = [];
  const services: Services = {
    store: async () => store,
    tabs: new TabStates(),
    activeProfile: async () => compileProfile(DEFAULT_PROFILE),
    locale: async () => 'en',
    now: () => store.now(),
    openSidebar: async () => true,
    injectScanner: async () => true,
    refreshTab: (tabId) => void refreshed.push(tabId),
    broadcast: (e) => {
      events.push(e.kind);
      if (e.kind === 'job') jobEvents.push(e.job);
    },
    jobAlarm: (on) => void alarms.push(on),
    sync: {
      view: async () => ({ configured: false, state: 'off', pending: 0, conflicts: 0, refused: 0 }),
      save: async () => Promise.reject(new Error('no sync in this test')),
      disable: async () => ({ configured: false, state: 'off', pending: 0, conflicts: 0, refused: 0 }),
      syncNow: async () => Promise.reject(new Error('no sync in this test')),
      conflict: async () => null,
      resolve: async () => Promise.reject(new Error('no sync in this test')),
      rep: async () => 'ann',
      jobs: () => [],
      cancelJob: () => undefined,
    },
    healthReport: { pages: 0, anchors: {} },
    access: {
      status: async () => ({ webmail: false, allSites: false, registered: [] }),
      sync: async () => ({ webmail: false, allSites: false, registered: [] }),
    },
  };
  const feed = setUpChangeFeed(services, store, (e) => events.push(e.kind));
  /** Resolves once the change feed has handled every write so far. */
  const settled = feed.idle;
  return { h: createHandlers(services), services, store, events, refreshed, settled, jobEvents, alarms };
}

/** A person as a page's detection reports them (a card with one address). */
export const detectedWire = (name: string, email: string) => ({
  name,
  title: 'Head of Procurement',
  emails: [email],
  phones: [],
  profiles: [],
  detectors: ['card'],
});
