import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firstExisting } from './chromium';
import { withDeadline } from './deadline';

export const FIREFOX_INSTALL_HINT = 'apt-get install -y firefox-esr';
/** The gecko id the manifest declares (wxt.config.ts). */
export const GECKO_ID = 'pipeline-scout@pipeline-scout.dev';
/** A fixed moz-extension:// host for the tests (Firefox picks a random one per profile). */
export const TEST_UUID = '5c0f7d9e-2b1a-4c3d-8e4f-6a7b8c9d0e1f';

export function findFirefox(): string | undefined {
  return firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  userDataDir: string;
  downloadDir: string;
  /** moz-extension://<uuid>/<page> */
  extensionUrl(page: string): string;
  /**
   * Opens an extension page in a new tab. WebDriver BiDi refuses to navigate to moz-extension://,
   * so the tab loads `fromUrl` (a page the E2E build lets reach the extension's pages through
   * web_accessible_resources) and that page moves itself there.
   */
  openExtensionPage(page: string, fromUrl: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * What about:addons' "Run in Private Windows" stores: the add-on's internal permission in the
 * profile's extension-preferences.json (Firefox release and ESR read it at start-up).
 */
function allowInPrivateWindows(profileDir: string) {
  const grant = { [GECKO_ID]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } };
  writeFileSync(join(profileDir, 'extension-preferences.json'), JSON.stringify(grant));
}

/**
 * How long one WebDriver BiDi command may go unanswered before it is an error. Puppeteer's own
 * default (180 s) outlasts every hook, so a command lost by the browser used to end as a hook
 * timeout that named no step.
 */
const COMMAND_DEADLINE_MS = 30_000; // (a test that waits longer in one command must raise it)
/** Launches of Firefox one start-up tries before it reports the last failure. */
const LAUNCH_ATTEMPTS = 2;

/** Kills every Firefox running on `profileDir` and waits (up to 10 s) until they are gone. */
async function endFirefoxesOf(profileDir: string) {
  const running = () => spawnSync('pgrep', ['-f', '--', profileDir]).status === 0;
  spawnSync('pkill', ['-KILL', '-f', '--', profileDir]);
  for (const start = Date.now(); running() && Date.now() - start < 10_000;)
    await new Promise((r) => setTimeout(r, 100));
  // Puppeteer's clean-up of the profile runs once the process has exited.
  await new Promise((r) => setTimeout(r, 500));
}

/**
 * Moves `tab` to `url` from inside the page and waits for the loaded document there. Not
 * `page.goto`: its BiDi `browsingContext.navigate` waits for a load event Firefox now and then
 * never reports, and hung a whole set-up for its full timeout. (The move starts after the
 * evaluation has answered: navigating inside it would destroy the realm the answer comes from.)
 */
export async function moveTo(tab: Page, url: string) {
  await tab.evaluate((to) => {
    setTimeout(() => {
      location.href = to;
    }, 0);
  }, url);
  await waitForDocument(tab, url);
}

/** Resolves once `page` shows a document at `url` that has finished loading. */
export async function waitForDocument(page: Page, url: string, timeout = 15_000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    // The navigation replaces the document: an evaluate may land in the dying one and throw, or,
    // now and then, never be answered; either counts as "not there yet".
    const href = await withDeadline(
      "reading the tab's address",
      2_000,
      page.evaluate(() => (document.readyState === 'complete' ? location.href : '')),
    ).catch(() => '');
    if (href === url) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the tab never showed ${url}`);
}

/**
 * Launches Firefox headless over WebDriver BiDi and installs the unpacked build (unsigned, so
 * signatures are off; ESR honours that pref). The extension's UUID is fixed, and its storage is
 * kept across the reinstall each launch does (BiDi installs add-ons until the browser closes),
 * so a relaunch with the same profile sees the same data, as a rep's installed add-on does.
 */
export async function launchFirefoxWithExtension(options: {
  extensionDir: string;
  headless?: boolean;
  userDataDir?: string;
  prefs?: Record<string, unknown>;
  /**
   * Firefox set to "Never remember history" (every window private), with the add-on allowed in
   * private windows as a rep would allow it (about:addons → Run in Private Windows).
   */
  privateBrowsing?: boolean;
}): Promise<FirefoxExtensionBrowser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`Firefox not found; install it: ${FIREFOX_INSTALL_HINT}`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'pipeline-scout-ff-'));
  const downloadDir = join(userDataDir, 'downloads');
  mkdirSync(downloadDir, { recursive: true });
  if (options.privateBrowsing) allowInPrivateWindows(userDataDir);
  const launchOptions = {
    browser: 'firefox' as const,
    executablePath,
    headless: options.headless ?? true,
    userDataDir,
    defaultViewport: { width: 1280, height: 800 },
    timeout: COMMAND_DEADLINE_MS,
    protocolTimeout: COMMAND_DEADLINE_MS,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: TEST_UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // Downloads (the backup) land in a known folder without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.panel.shown': true,
      ...(options.privateBrowsing ? { 'browser.privatebrowsing.autostart': true } : {}),
      ...options.prefs,
    },
  };
  // A launch is the harness's, not the extension's: one that hangs (a BiDi command the browser
  // never answers) or fails is killed, said out loud, and tried once more with the same profile.
  let started: Browser | undefined;
  for (let attempt = 1; !started; attempt++) {
    let launched: Browser | undefined;
    try {
      // Puppeteer bounds the launch itself (its `timeout` and the protocol deadline) and kills
      // the process of a launch that fails.
      launched = await puppeteer.launch(launchOptions);
      await withDeadline(
        'installing the extension',
        COMMAND_DEADLINE_MS,
        launched.installExtension(resolve(options.extensionDir)),
      );
      started = launched;
    } catch (error) {
      launched?.process()?.kill('SIGKILL');
      await launched?.close().catch(() => undefined);
      // A launch that threw left no handle: its Firefox may still hold the profile (and puppeteer
      // restores the profile's prefs once it exits), so it goes before the profile is used again.
      await endFirefoxesOf(userDataDir);
      if (attempt >= LAUNCH_ATTEMPTS) throw error;
      console.warn(`Firefox start-up attempt ${attempt} failed (${String(error)}); trying again`);
    }
  }
  const browser = started;
  const extensionUrl = (page: string) => `moz-extension://${TEST_UUID}/${page}`;
  return {
    browser,
    userDataDir,
    downloadDir,
    extensionUrl,
    async openExtensionPage(page, fromUrl) {
      // A tab that never gets there (a load Firefox never reports) is closed and one more is tried.
      for (let attempt = 1; ; attempt++) {
        const tab = await browser.newPage();
        try {
          await moveTo(tab, fromUrl);
          await moveTo(tab, extensionUrl(page));
          return tab;
        } catch (error) {
          await tab.close().catch(() => undefined);
          if (attempt >= 2) throw error;
          console.warn(`opening ${page} failed (${String(error)}); trying again in a new tab`);
        }
      }
    },
    close: () => browser.close(),
  };
}
