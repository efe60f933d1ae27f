import { browser } from 'wxt/browser';
import { resolveLocale } from '@/lib/i18n/locale';
import { getDeal, readSetting } from '@/lib/db';
import type { CompiledProfile } from '@/lib/fit';
import { updateActionBadge } from './action-badge';
import { registerCommands } from './commands';
import { createEventHub } from './events';
import { createHandlers } from './handlers';
import { createMenus, registerMenus } from './menus';
import { checkFollowUps, startReminders } from './reminders';
import { createRouter } from './router';
import type { Services } from './services';
import { ensurePersistentStorage } from './persistent-storage';
import { openSidebar } from './sidebar';
import { accessStatus, injectScanner, syncContentScripts, watchPermissions } from './site-access';
import { getStore, whenStoreOpens } from './store';
import { setUpChangeFeed } from './change-feed';
import { resumeUnfinishedJobs } from './jobs';
import type { ContentCommand } from '@/lib/messages/events';
import { preloadRequests } from '@/lib/messages/protocol';
import { setUpSync } from './sync';
import { TabStates } from './tab-state';
import { testGates } from './test-gate';

const JOB_ALARM = 'job-resume';

export default defineBackground(() => {
  // E2E build: when main() starts, in ms after the worker's time origin (tests/e2e/thin.e2e.ts reads it).
  if (import.meta.env.PS_TEST_HOSTS === '1') performance.mark('background:main');
  const hub = createEventHub();
  const session = browser.storage.session;
  const tabs = new TabStates((snapshot) => session.set({ tabs: snapshot }));
  void session.get('tabs').then((data) => tabs.restore(data.tabs));

  let compiled: { key: string; profile: CompiledProfile } | undefined;
  // E2E build only: the test moves the clock and runs the reminder check (dead code in a release build).
  let clockOffset = 0;
  const services: Services = {
    store: getStore,
    tabs,
    async activeProfile() {
      const store = await getStore();
      const [profiles, active] = [
        await readSetting(store, 'fit.profiles'),
        await readSetting(store, 'fit.active'),
      ];
      // Fit loads with the first profile asked for (a page's report), not with every wake.
      const { compileProfile, DEFAULT_PROFILE } = await import('@/lib/fit');
      const profile = profiles.find((p) => p.id === active) ?? profiles[0] ?? DEFAULT_PROFILE;
      const key = JSON.stringify(profile);
      // Compiled once per profile version, not per message.
      if (compiled?.key !== key) compiled = { key, profile: compileProfile(profile) };
      return compiled.profile;
    },
    async locale() {
      const setting = await readSetting(await getStore(), 'locale').catch(() => 'auto' as const);
      if (setting !== 'auto') return setting;
      return resolveLocale(browser.i18n.getUILanguage());
    },
    now: () => Date.now() + clockOffset,
    openSidebar: (tabId) => openSidebar(tabId),
    injectScanner,
    refreshTab(tabId) {
      const command: ContentCommand = { type: 'badges/refresh' };
      void browser.tabs.sendMessage(tabId, command).catch(() => undefined);
    },
    broadcast(event) {
      hub.broadcast(event);
      if (event.kind === 'tab') void updateActionBadge(services, event.tabId).catch(() => undefined);
    },
    jobAlarm(on) {
      void (on
        ? browser.alarms.create(JOB_ALARM, { periodInMinutes: 0.5 })
        : browser.alarms.clear(JOB_ALARM));
    },
    sync: setUpSync(getStore, (event) => services.broadcast(event)),
    healthReport: { pages: 0, anchors: {} },
    access: { status: accessStatus, sync: syncContentScripts },
  };

  whenStoreOpens((store) => {
    setUpChangeFeed(services, store, (event) => hub.broadcast(event));
    // Menus speak the rep's language: retitle them when the language setting changes.
    store.onChange((event) => {
      if (event.store === 'settings' && event.ids.includes('locale'))
        void createMenus(services).catch(() => undefined);
    });
  });

  const router = createRouter(createHandlers(services), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  // Answered through sendResponse (the channel kept open by `true`), not a returned promise:
  // Chromium's worker runs on the browser's own namespace, without webextension-polyfill.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    router
      .handle(message, sender)
      .then(sendResponse, (error: unknown) =>
        sendResponse({ ok: false, error: { code: 'failed', message: String(error) } }),
      );
    return true;
  });

  watchPermissions(() => void syncContentScripts().catch(() => undefined));
  // storage.session is emptied whenever the extension goes away (reload, update, disable): a
  // worker that finds no mark is a fresh load, not a waking worker.
  void (async () => {
    const { loaded } = await session.get('loaded');
    if (!loaded) await session.set({ loaded: true });
    await syncContentScripts({ freshLoad: !loaded });
  })().catch(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) tabs.forget(tabId);
  });

  // An import the worker's stop interrupted carries on now, whatever woke the worker; the alarm
  // wakes it while a job is unfinished.
  const resume = () => void resumeUnfinishedJobs(services).catch(() => undefined);
  resume();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOB_ALARM) resume();
  });
  if (import.meta.env.PS_TEST_HOSTS === '1')
    Object.assign(globalThis, {
      __pipelineScoutTest: {
        moveClock: (ms: number) => void (clockOffset += ms),
        checkFollowUps: () => checkFollowUps(services),
        ...testGates,
      },
    });

  registerMenus(services);
  registerCommands(services);
  startReminders(services, (dealId) => {
    void (async () => {
      if (dealId) {
        const deal = await getDeal(await getStore(), dealId);
        if (deal) tabs.setFocus(undefined, { contactId: deal.contactId });
      }
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (!(await openSidebar(tab?.id, tab?.windowId)))
        await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      hub.broadcast({ kind: 'focus' });
    })();
  });

  // Install, update and every browser start: the rep's data is made persistent where the
  // browser lets the extension ask without a prompt (Firefox), before the first contact is saved.
  const persist = () => void ensurePersistentStorage().catch(() => undefined);
  // Only where it can ask (Firefox's event page): a startup listener in Chromium's worker would
  // wake it at every browser start for nothing (`persist()` is a window-only call).
  if (typeof globalThis.navigator?.storage?.persist === 'function')
    browser.runtime.onStartup.addListener(persist);
  browser.runtime.onInstalled.addListener((details) => {
    persist();
    if (details.reason === 'install') void browser.runtime.openOptionsPage();
    void updateActionBadge(services).catch(() => undefined);
  });
  // The action opens the popup; the side panel opens from the popup's button or the command.
  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
  // Nearly every wake is for a message (a popup opening, a page's report): the message path (the
  // request schemas and the handlers, the chunked worker's later chunk) loads in a task of its
  // own right after main(), while the sender is still getting ready, not inside its first answer.
  setTimeout(() => void preloadRequests().catch(() => undefined), 0);
});
