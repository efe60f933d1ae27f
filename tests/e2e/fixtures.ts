import { resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import { serveStatic, type StaticSite } from '../../scripts/static-server';

export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const DEMO_SITE_DIR = resolve('demo/site');

export interface Rig {
  browser: ExtensionBrowser;
  site: StaticSite;
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

export async function startRig(options: { userDataDir?: string } = {}): Promise<Rig> {
  const site = await serveStatic(DEMO_SITE_DIR);
  const browser = await launchWithExtension({
    extensionDir: E2E_EXTENSION_DIR,
    userDataDir: options.userDataDir,
  });
  return {
    browser,
    site,
    extensionUrl: (page) => `chrome-extension://${browser.extensionId}/${page}`,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

async function waitForRegistration(browser: ExtensionBrowser) {
  const start = Date.now();
  while (Date.now() - start < 15_000) {
    const count = await browser.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome;
      return (await api.scripting.getRegisteredContentScripts()).length;
    });
    if (count > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the background never registered its content script');
}
