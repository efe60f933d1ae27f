import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFirefox } from '../../scripts/firefox';
import { button } from './firefox/dom';
import { startFirefoxRig, type FirefoxRig } from './firefox/rig';

/** What a rep meets in Firefox and not in Chromium: storage persistence, the sidebar, the command. */
type Sidebar = { isOpen(details: object): Promise<boolean>; close(): Promise<void> };
type Firefox = {
  sidebarAction: Sidebar;
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

let rig: FirefoxRig;

describe.runIf(findFirefox())('Firefox specifics', () => {
  beforeAll(async () => {
    rig = await startFirefoxRig();
  });
  afterAll(async () => rig?.close());

  test('storage is persistent from the start (unlimitedStorage): no prompt, no eviction', async () => {
    // The extension asks at install (entrypoints/background/persistent-storage.ts); unlimitedStorage
    // lets Firefox grant it without a prompt. The test waits for that and never asks first.
    await expect
      .poll(() => rig.control.evaluate(() => navigator.storage.persisted()), { timeout: 10_000 })
      .toBe(true);
    const storage = await rig.control.evaluate(async () => ({
      asked: await navigator.storage.persist(),
      quota: (await navigator.storage.estimate()).quota ?? 0,
    }));
    expect(storage.asked).toBe(true);
    // Persistent storage is bounded by the disk, not by the best-effort group limit.
    expect(storage.quota).toBeGreaterThan(1024 ** 3);
  });

  test('the sidebar opens at install; the toolbar popup opens it again once closed', async () => {
    const isOpen = () =>
      rig.control.evaluate(() =>
        (globalThis as unknown as { browser: Firefox }).browser.sidebarAction.isOpen({}),
      );
    // Firefox opens a sidebar_action when the add-on is installed.
    await expect.poll(isOpen).toBe(true);
    // Closing needs a user action: a click in an extension page is one.
    await rig.control.evaluate(() =>
      document.addEventListener(
        'click',
        () => void (globalThis as unknown as { browser: Firefox }).browser.sidebarAction.close(),
        { once: true },
      ),
    );
    await rig.control.bringToFront();
    await rig.control.mouse.click(2, 2);
    await expect.poll(isOpen).toBe(false);

    const popup = await rig.open('popup.html', { width: 400, height: 700 });
    await (await button(popup, 'Open sidebar')).click();
    await expect.poll(isOpen).toBe(true);
    await popup.close();
  });

  test('the keyboard command is registered with its shortcut', async () => {
    const commands = await rig.control.evaluate(() =>
      (globalThis as unknown as { browser: Firefox }).browser.commands.getAll(),
    );
    expect(commands).toContainEqual(
      expect.objectContaining({ name: 'open-sidebar', shortcut: 'Alt+Shift+P' }),
    );
  });
});
