import { browser } from 'wxt/browser';
import type { Services } from './services';
import { repStrings } from './rep-strings';
import { openSidebar } from './sidebar';
import { injectScanner } from './site-access';

const ADD_SELECTION = 'add-selection';
const SCAN_PAGE = 'scan-page';

/** Creates the menus in the rep's language (again when the language setting changes). */
export async function createMenus(services: Pick<Services, 'locale'>) {
  const { t } = await repStrings(services);
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: ADD_SELECTION,
    title: t('menuAddSelection'),
    contexts: ['selection'],
  });
  browser.contextMenus.create({
    id: SCAN_PAGE,
    title: t('menuScanPage'),
    contexts: ['page'],
  });
}

export function registerMenus(services: Services) {
  browser.runtime.onInstalled.addListener(() => void createMenus(services).catch(() => undefined));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    // The side panel must open within the click's user gesture, before any await.
    const opening = openSidebar(tab?.id, tab?.windowId);
    if (info.menuItemId === SCAN_PAGE && tab?.id !== undefined) void injectScanner(tab.id);
    if (info.menuItemId === ADD_SELECTION && info.selectionText) {
      const iconUrl = browser.runtime.getURL('/icon/128.png');
      const notify = (message: string) =>
        browser.notifications.create({ type: 'basic', iconUrl, title: 'Pipeline Scout', message });
      // Detection loads on the first selection saved, not with every wake.
      void import('./add-selection')
        .then(({ addSelection }) => addSelection(services, info.selectionText!, tab, notify))
        .then(() => opening)
        .catch(() => undefined);
    }
  });
}
