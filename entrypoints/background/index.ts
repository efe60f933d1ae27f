import { browser } from 'wxt/browser';
import { readSetting } from '@/lib/db';
import { compileProfile, DEFAULT_PROFILE, type CompiledProfile } from '@/lib/fit';
import { updateActionBadge } from './action-badge';
import { registerCommands } from './commands';
import { createEventHub } from './events';
import { createHandlers } from './handlers';
import { registerMenus } from './menus';
import { startReminders } from './reminders';
import { createRouter } from './router';
import type { Services } from './services';
import { openSidebar } from './sidebar';
import { accessStatus, injectScanner, syncContentScripts, watchPermissions } from './site-access';
import { getStore } from './store';
import { setUpSync } from './sync';
import { TabStates } from './tab-state';

export default defineBackground(() => {
  const hub = createEventHub();
  const session = browser.storage.session;
  const tabs = new TabStates((snapshot) => void session.set({ tabs: snapshot }).catch(() => undefined));
  void session.get('tabs').then((data) => tabs.restore(data.tabs));

  let compiled: { key: string; profile: CompiledProfile } | undefined;
  const services: Services = {
    store: getStore,
    tabs,
    async activeProfile() {
      const store = await getStore();
      const [profiles, active] = [
        await readSetting(store, 'fit.profiles'),
        await readSetting(store, 'fit.active'),
      ];
      const profile = profiles.find((p) => p.id === active) ?? profiles[0] ?? DEFAULT_PROFILE;
      const key = JSON.stringify(profile);
      // Compiled once per profile version, not per message.
      if (compiled?.key !== key) compiled = { key, profile: compileProfile(profile) };
      return compiled.profile;
    },
    async locale() {
      const setting = await readSetting(await getStore(), 'locale').catch(() => 'auto' as const);
      if (setting !== 'auto') return setting;
      return browser.i18n.getUILanguage().toLowerCase().startsWith('de') ? 'de' : 'en';
    },
    now: () => Date.now(),
    openSidebar: (tabId) => openSidebar(tabId),
    injectScanner,
    refreshTab(tabId) {
      void browser.tabs.sendMessage(tabId, { type: 'badges/refresh' }).catch(() => undefined);
    },
    broadcast(event) {
      hub.broadcast(event);
      // Only pages whose scanner reported have badges to refresh (not every open tab).
      if (event.kind === 'changed') for (const tabId of tabs.reportedTabs()) services.refreshTab(tabId);
      if (event.kind === 'tab' && event.tabId !== undefined)
        void updateActionBadge(services, event.tabId).catch(() => undefined);
    },
    sync: setUpSync(getStore, (event) => services.broadcast(event)),
    healthReport: { pages: 0, anchors: {} },
    access: { status: accessStatus, sync: syncContentScripts },
  };

  const router = createRouter(createHandlers(services), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message, sender) => router.handle(message, sender));

  watchPermissions(() => void syncContentScripts().catch(() => undefined));
  void syncContentScripts().catch(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) tabs.forget(tabId);
  });

  registerMenus(services);
  registerCommands(services);
  startReminders(services, (dealId) => {
    void (async () => {
      if (dealId) {
        const deal = await (await getStore()).db.get('deals', dealId);
        if (deal) tabs.setFocus(undefined, { contactId: deal.contactId });
      }
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (!(await openSidebar(tab?.id, tab?.windowId)))
        await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      hub.broadcast({ kind: 'focus' });
    })();
  });

  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.runtime.openOptionsPage();
    void updateActionBadge(services).catch(() => undefined);
  });
  // The action opens the popup; the side panel opens from the popup's button or the command.
  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
});
