import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { findFirefox, moveTo } from '../../scripts/firefox';
import { BACKUP_STORES, DAY, dumpStores } from './repday-expectations';
import { readBadges, waitForBadges } from './firefox/badges';
import { button, fill, field, textOf } from './firefox/dom';
import { startFirefoxRig, type FirefoxRig } from './firefox/rig';

/**
 * The rep's day of repday.e2e.ts in a real Firefox (ESR, headless, WebDriver BiDi): the same
 * fixture pages and expectations (./repday-expectations.ts). Without a Firefox the suite is
 * skipped (scripts/test.ts says so loudly, and fails under CI).
 */
const SHOTS = resolve('screenshots/e2e');
mkdirSync(SHOTS, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'pipeline-scout-ff-day-'));

let rig: FirefoxRig;
let team: Page;
let teamTabId: number;

const FOUND = 'ul[aria-label="Found on this page"] li';
const rowText = (page: Page) =>
  page.evaluate(
    (selector, name) =>
      [...document.querySelectorAll<HTMLElement>(selector)].find((r) => r.innerText.includes(name))
        ?.innerText ?? '',
    FOUND,
    DAY.person,
  );

async function sidebarFor(tabId: number) {
  const page = await rig.open(`sidepanel.html?tab=${tabId}`);
  await button(page, 'Contact');
  return page;
}

describe.runIf(findFirefox())("the rep's day in Firefox", () => {
  beforeAll(async () => {
    rig = await startFirefoxRig({ userDataDir });
    team = await rig.firefox.browser.newPage();
    await moveTo(team, `${rig.site.origin}${DAY.team}`);
    teamTabId = await rig.tabId(`${rig.site.origin}${DAY.team}`);
  });
  afterAll(async () => rig?.close());

  test('1. a team page: badges beside the good fits; the popup lists them with reasons; start a deal', async () => {
    const badges = await waitForBadges(team, (b) => b.some((x) => x.text.startsWith('Lead')));
    expect(badges.filter((b) => b.text.startsWith('Lead'))).toHaveLength(DAY.leadBadges);
    expect(badges.find((b) => b.title.includes(DAY.person))?.title).toMatch(DAY.badgeTitle);
    await team.screenshot({ path: join(SHOTS, 'firefox-1-team-badges.png') });

    const popup = await rig.open(`popup.html?tab=${teamTabId}`, { width: 400, height: 700 });
    await expect
      .poll(() => popup.evaluate((s) => document.querySelectorAll(s).length, FOUND))
      .toBeGreaterThanOrEqual(3);
    expect(await textOf(popup, FOUND)).toMatch(DAY.otherLead);
    await (await button(popup, 'Why?', { selector: FOUND, hasText: DAY.person })).click();
    await expect.poll(() => rowText(popup)).toMatch(DAY.reason);
    await popup.screenshot({ path: join(SHOTS, 'firefox-1-popup.png') });

    await (await button(popup, 'Start deal', { selector: FOUND, hasText: DAY.person })).click();
    await expect.poll(() => rowText(popup)).toMatch(DAY.dealStarted);
    await popup.close();
  });

  test('2. the sidebar page shows the deal at the right step with a due next step', async () => {
    const sidebar = await sidebarFor(teamTabId);
    await expect.poll(() => textOf(sidebar, 'main')).toMatch(DAY.nextStep);
    expect(await textOf(sidebar, '[aria-current="step"]')).toMatch(DAY.currentStep);
    await sidebar.screenshot({ path: join(SHOTS, 'firefox-2-sidebar-deal.png') });
    await sidebar.close();
    await waitForBadges(team, (b) => b.some((x) => x.text === DAY.stageBadge));
  });

  test('3. a Gmail-like thread: the chip shows the stage, logging and advancing updates it', async () => {
    const gmail = await rig.firefox.browser.newPage();
    await moveTo(gmail, `${rig.site.origin}${DAY.gmail}`);
    await waitForBadges(gmail, (b) => b.some((x) => x.text.includes('Initiate contact')));
    await gmail.screenshot({ path: join(SHOTS, 'firefox-3-gmail-chip.png') });

    const sidebar = await sidebarFor(await rig.tabId(`${rig.site.origin}${DAY.gmail}`));
    await expect.poll(() => textOf(sidebar, 'main')).toMatch(DAY.chipWithDeal);
    await (await field(sidebar, 'Log')).select('email');
    await fill(sidebar, 'Note', 'Sent the retrofit intro');
    await (await button(sidebar, 'Log')).click();
    // Wait for the logged note (the effect of the click), not "Done with …", which the thread's own
    // message from the rep may already have put on screen.
    await expect.poll(() => textOf(sidebar, 'main')).toMatch(/Sent the retrofit intro/);
    await expect.poll(() => textOf(sidebar, 'main')).toMatch(/Done with Initiate contact/);
    await (await button(sidebar, 'Advance')).click();
    await expect.poll(() => textOf(sidebar, '[aria-current="step"]')).toMatch(/Discover needs/);
    await sidebar.close();
    await waitForBadges(gmail, (b) => b.some((x) => x.text.startsWith('Discover needs')));
  });

  test('badges are never readable by the page (closed shadow root)', async () => {
    const visibleToPage = await team.evaluate(() => {
      const host = document.querySelector('[data-pipeline-scout]');
      return { host: !!host, shadow: host?.shadowRoot ?? null };
    });
    expect(visibleToPage).toEqual({ host: true, shadow: null });
    expect((await readBadges(team)).length).toBeGreaterThan(0);
  });

  test('4. close and relaunch with the same profile: everything is still there', async () => {
    await rig.close();
    rig = await startFirefoxRig({ userDataDir });
    const popup = await rig.open('popup.html');
    await fill(popup, 'Search contacts', DAY.searchFor);
    await expect.poll(() => textOf(popup, '[role="listbox"]')).toMatch(new RegExp(DAY.person));
    await popup.close();
  });

  test('5. backup, delete everything, restore: identical data', async () => {
    const dump = () => rig.control.evaluate(dumpStores, BACKUP_STORES);
    const before = await dump();
    expect(before.deals!.length).toBeGreaterThanOrEqual(1);
    const options = await rig.open('options.html', { width: 1000, height: 900 });
    const downloaded = () => readdirSync(rig.firefox.downloadDir).filter((f) => f.endsWith('.json'));
    expect(downloaded()).toEqual([]);
    await (await button(options, 'Download backup')).click();
    await expect.poll(downloaded).toHaveLength(1);
    const file = join(rig.firefox.downloadDir, downloaded()[0]!);
    // Firefox writes a .part file first, then renames it: the .json is complete.
    await fill(options, DAY.deleteConfirmLabel, 'DELETE');
    await (await button(options, 'Delete everything')).click();
    await expect.poll(async () => (await dump()).contacts!.length).toBe(0);
    const input = (await field(options, 'Restore backup…')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await expect
      .poll(() => textOf(options, '[role="dialog"][aria-label="Restore"]'))
      .toMatch(DAY.restorePreview);
    await (await button(options, 'Restore', { selector: '[role="dialog"]' })).click();
    await expect.poll(() => textOf(options, '[role="status"]')).toMatch(DAY.restored);
    expect(await dump()).toEqual(before);
    await options.screenshot({ path: join(SHOTS, 'firefox-5-options.png'), fullPage: true });
  });
});
