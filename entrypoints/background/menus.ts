import { browser } from 'wxt/browser';
import { upsertContact } from '@/lib/db';
import { contactFromText, guessRegion } from '@/lib/detect';
import type { Services } from './services';
import { openSidebar } from './sidebar';
import { injectScanner } from './site-access';

const ADD_SELECTION = 'add-selection';
const SCAN_PAGE = 'scan-page';

export function registerMenus(services: Services) {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: ADD_SELECTION,
        title: 'Add selection as contact',
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: SCAN_PAGE,
        title: 'Scan this page for contacts',
        contexts: ['page'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    // The side panel must open within the click's user gesture, before any await.
    const opening = openSidebar(tab?.id, tab?.windowId);
    if (info.menuItemId === SCAN_PAGE && tab?.id !== undefined) void injectScanner(tab.id);
    if (info.menuItemId === ADD_SELECTION && info.selectionText) {
      void (async () => {
        const region = guessRegion(tab?.url, undefined);
        const detected = contactFromText(info.selectionText!.slice(0, 5_000), region);
        if (!detected) return;
        const store = await services.store();
        const profile = await services.activeProfile();
        const fit = profile.evaluate(detected);
        const { contact } = await upsertContact(store, {
          ...detected,
          fit: { ...fit, criteriaId: profile.profile.id },
          sources: tab?.url
            ? [{ url: tab.url, seenAt: services.now(), detector: 'selection', field: 'contact' }]
            : [],
        });
        services.tabs.setFocus(tab?.id, { contactId: contact.id, email: contact.emails[0] });
        services.broadcast({ kind: 'focus', tabId: tab?.id });
        await opening;
      })();
    }
  });
}
