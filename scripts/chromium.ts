import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';

/** The first of `paths` that exists (unset entries, such as an empty env variable, skipped). */
export function firstExisting(paths: (string | undefined)[]): string | undefined {
  return paths.find((path): path is string => !!path && existsSync(path));
}

export function findChromium(): string | undefined {
  return firstExisting([process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']);
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension loaded. The flags keep Chromium off the network
 * (this machine has none) and let it run as root in a container.
 */
export async function launchWithExtension(options: {
  extensionDir: string;
  headless?: boolean;
  userDataDir?: string;
  /** Other unpacked extensions to load beside ours (the forged-message tests use one). */
  extraExtensions?: string[];
}): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium not found; install it: ${CHROMIUM_INSTALL_HINT}`);
  const extensionDir = resolve(options.extensionDir);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'pipeline-scout-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${[extensionDir, ...(options.extraExtensions ?? [])].join(',')}`,
      `--load-extension=${[extensionDir, ...(options.extraExtensions ?? [])].join(',')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Ours is the worker whose script is background.js (other extensions may load too).
  const ours = () => context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
  let serviceWorker = ours();
  while (!serviceWorker) {
    await context.waitForEvent('serviceworker', { timeout: 15_000 });
    serviceWorker = ours();
  }
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, userDataDir, close: () => context.close() };
}

type WorkerChrome = { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

/** The id of the tab showing `url`, asked of the extension's service worker. */
export async function findTabId(browser: ExtensionBrowser, url: string): Promise<number | undefined> {
  return browser.serviceWorker.evaluate(async (tabUrl) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const [tab] = await api.tabs.query({ url: tabUrl });
    return tab?.id;
  }, url);
}

/** Resolves once the background has registered its content scripts for the granted hosts. */
export async function waitForRegistration(browser: ExtensionBrowser) {
  const start = Date.now();
  while (Date.now() - start < 15_000) {
    const count = await browser.serviceWorker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
        }
      ).chrome;
      return (await api.scripting.getRegisteredContentScripts()).length;
    });
    if (count > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the background never registered its content script');
}
