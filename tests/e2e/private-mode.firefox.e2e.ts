import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import { findFirefox } from '../../scripts/firefox';
import { textOf } from './firefox/dom';
import { startFirefoxRig, type FirefoxRig } from './firefox/rig';

/**
 * Firefox set to "Never remember history", the add-on allowed in private windows: the extension
 * runs private and Firefox gives it no IndexedDB. Every page says so plainly instead of spinning
 * or failing silently.
 */
let rig: FirefoxRig;

describe.runIf(findFirefox())('Firefox private browsing: no IndexedDB', () => {
  beforeAll(async () => {
    rig = await startFirefoxRig({ privateBrowsing: true });
  });
  afterAll(async () => rig?.close());

  test('the extension runs private, with non-persistent storage', async () => {
    const context = await rig.control.evaluate(async () => ({
      private: (globalThis as unknown as { browser: { extension: { inIncognitoContext: boolean } } }).browser
        .extension.inIncognitoContext,
      persisted: await navigator.storage.persisted(),
    }));
    expect(context).toEqual({ private: true, persisted: false });
  });

  test.each(['popup.html', 'sidepanel.html', 'options.html'])(
    '%s explains the database is unavailable',
    async (page) => {
      const view = await rig.open(page, { width: 420, height: 700 });
      await expect.poll(() => textOf(view, '[role="alert"]')).toMatch(/cannot open its local database/);
      expect(await textOf(view, '[role="alert"]')).toMatch(/Never remember history/);
      if (page === 'sidepanel.html')
        await view.screenshot({ path: join(resolve('screenshots/e2e'), 'firefox-private-sidebar.png') });
      await view.close();
    },
  );
});
