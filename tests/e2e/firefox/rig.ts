import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../../../scripts/firefox';
import { serveStatic, type StaticSite } from '../../../scripts/static-server';
import { DEMO_SITE_DIR } from '../fixtures';

export const FIREFOX_E2E_EXTENSION_DIR = resolve('.output/firefox-mv3-e2e');

export interface FirefoxRig {
  firefox: FirefoxExtensionBrowser;
  site: StaticSite;
  /** An extension page kept open to ask the extension's APIs (Firefox has no worker to evaluate in). */
  control: Page;
  open(path: string, size?: { width: number; height: number }): Promise<Page>;
  /** The tab id of the tab showing `url`. */
  tabId(url: string): Promise<number>;
  close(): Promise<void>;
}

type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

export async function startFirefoxRig(
  options: { userDataDir?: string; prefs?: Record<string, unknown>; privateBrowsing?: boolean } = {},
): Promise<FirefoxRig> {
  const site = await serveStatic(DEMO_SITE_DIR);
  const firefox = await launchFirefoxWithExtension({
    extensionDir: FIREFOX_E2E_EXTENSION_DIR,
    userDataDir: options.userDataDir,
    prefs: options.prefs,
    privateBrowsing: options.privateBrowsing,
  });
  // Any page of the test origin may move a tab to the extension (the E2E build's web_accessible_resources).
  const from = `${site.origin}/index.html`;
  const open = async (path: string, size = { width: 420, height: 900 }) => {
    const page = await firefox.openExtensionPage(path, from);
    await page.setViewport(size);
    return page;
  };
  const control = await open('sidepanel.html');
  return {
    firefox,
    site,
    control,
    open,
    async tabId(url) {
      const id = await control.evaluate(async (url) => {
        const api = (globalThis as unknown as { browser: TabsApi }).browser;
        return (await api.tabs.query({})).find((t) => t.url === url)?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async close() {
      await firefox.close();
      await site.close();
    },
  };
}
