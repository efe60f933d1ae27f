import { resolve } from 'node:path';
import { launchWithExtension, waitForRegistration, type ExtensionBrowser } from '../../scripts/chromium';
import { serveStatic, type StaticSite } from '../../scripts/static-server';

/** PS_E2E_EXTENSION_DIR: another E2E build (thin.e2e.ts's before/after runs in one sitting). */
export const E2E_EXTENSION_DIR = resolve(process.env.PS_E2E_EXTENSION_DIR ?? '.output/chrome-mv3-e2e');
export const DEMO_SITE_DIR = resolve('demo/site');
export const FAULTS_DIR = resolve('.test-results/faults');

export interface Rig {
  browser: ExtensionBrowser;
  site: StaticSite;
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

export async function startRig(
  options: { userDataDir?: string; extraExtensions?: string[] } = {},
): Promise<Rig> {
  const site = await serveStatic(DEMO_SITE_DIR, 0, { '/faults/': FAULTS_DIR });
  const browser = await launchWithExtension({
    extensionDir: E2E_EXTENSION_DIR,
    userDataDir: options.userDataDir,
    extraExtensions: options.extraExtensions,
  });
  // The background registers the content script for granted hosts at start-up: wait for it.
  await waitForRegistration(browser);
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
