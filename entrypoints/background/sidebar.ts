import { browser } from 'wxt/browser';

type FirefoxSidebar = { sidebarAction?: { open(): Promise<void> } };

/**
 * Opens the side panel (Chrome) or sidebar (Firefox). Both need a user gesture: call it
 * straight from a click, command or menu handler. Resolves false when the browser refused.
 */
export async function openSidebar(tabId?: number, windowId?: number): Promise<boolean> {
  try {
    const firefox = (browser as unknown as FirefoxSidebar).sidebarAction;
    if (firefox) {
      await firefox.open();
      return true;
    }
    if (tabId !== undefined) await browser.sidePanel.open({ tabId });
    else if (windowId !== undefined) await browser.sidePanel.open({ windowId });
    else return false;
    return true;
  } catch {
    return false;
  }
}
