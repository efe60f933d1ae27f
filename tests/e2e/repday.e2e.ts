import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { findTabId } from '../../scripts/chromium';
import { startRig, type Rig } from './fixtures';
import { readBadges, waitForBadges } from './badges';
import { DAY } from './repday-expectations';
import { dumpDb } from './db';

const SHOTS = resolve('screenshots/e2e');
mkdirSync(SHOTS, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'pipeline-scout-day-'));

let rig: Rig;
let team: Page;
let teamTabId: number;

async function extensionPage(path: string, size = { width: 420, height: 900 }) {
  const page = await rig.browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(rig.extensionUrl(path));
  return page;
}

async function sidebarFor(tabId: number) {
  const page = await extensionPage(`sidepanel.html?tab=${tabId}`);
  await page.getByRole('tab', { name: 'Contact' }).waitFor();
  return page;
}

beforeAll(async () => {
  rig = await startRig({ userDataDir });
  team = await rig.browser.context.newPage();
  await team.goto(`${rig.site.origin}${DAY.team}`);
  teamTabId = (await findTabId(rig.browser, `${rig.site.origin}${DAY.team}`))!;
});
afterAll(async () => rig?.close());

describe("the rep's day", () => {
  test('1. a team page: badges beside the good fits; the popup lists them with reasons', async () => {
    const badges = await waitForBadges(team, (b) => b.some((x) => x.text.startsWith('Lead')));
    const texts = badges.map((b) => b.text);
    expect(texts.filter((t) => t.startsWith('Lead'))).toHaveLength(DAY.leadBadges);
    expect(badges.find((b) => b.title.includes(DAY.person))?.title).toMatch(DAY.badgeTitle);
    await team.screenshot({ path: join(SHOTS, '1-team-badges.png') });

    const popup = await extensionPage(`popup.html?tab=${teamTabId}`, { width: 400, height: 700 });
    const rows = popup.getByRole('list', { name: 'Found on this page' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => rows.first().innerText()).toMatch(DAY.otherLead);
    await rows.filter({ hasText: DAY.person }).getByRole('button', { name: 'Why?' }).click();
    await expect.poll(() => rows.filter({ hasText: DAY.person }).innerText()).toMatch(DAY.reason);
    await popup.screenshot({ path: join(SHOTS, '1-popup.png') });

    // 2. Start a deal from the popup.
    await rows.filter({ hasText: DAY.person }).getByRole('button', { name: 'Start deal' }).click();
    await expect
      .poll(() => rows.filter({ hasText: DAY.person }).innerText(), { timeout: 10_000 })
      .toMatch(DAY.dealStarted);
    await popup.close();
  });

  test('2. the sidebar shows the deal at the right step with a due next step', async () => {
    const sidebar = await sidebarFor(teamTabId);
    await expect.poll(() => sidebar.locator('main').innerText(), { timeout: 10_000 }).toMatch(DAY.nextStep);
    expect(await sidebar.locator('[aria-current="step"]').innerText()).toMatch(DAY.currentStep);
    await sidebar.screenshot({ path: join(SHOTS, '2-sidebar-deal.png') });
    await sidebar.close();
    // The team page's badge now carries the stage.
    await waitForBadges(team, (b) => b.some((x) => x.text === DAY.stageBadge));
  });

  let gmailTabId: number;
  test('3. a Gmail thread: the chip shows the stage; clicking opens the deal; advancing updates the chip', async () => {
    const gmail = await rig.browser.context.newPage();
    const violations: string[] = [];
    await gmail.exposeFunction('__reportViolation', (v: string) => violations.push(v));
    await gmail.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __reportViolation(v: string): void }).__reportViolation(
          `${e.violatedDirective} ${e.sample}`,
        ),
      );
    });
    await gmail.goto(`${rig.site.origin}/gmail.html`);
    gmailTabId = (await findTabId(rig.browser, `${rig.site.origin}/gmail.html`))!;
    const chips = await waitForBadges(gmail, (b) => b.some((x) => x.text.includes('Initiate contact')));
    const chip = chips.find((x) => x.text.includes('Initiate contact'))!;
    await gmail.screenshot({ path: join(SHOTS, '3-gmail-chip.png') });

    await gmail.mouse.click(chip.x, chip.y);
    const sidebar = await sidebarFor(gmailTabId);
    await expect
      .poll(() => sidebar.locator('main').innerText(), { timeout: 10_000 })
      .toMatch(DAY.chipWithDeal);

    // Log the first outreach, then advance through needs assessment.
    await sidebar.getByLabel('Log').selectOption('email');
    await sidebar.getByLabel('Note').fill('Sent the retrofit intro');
    await sidebar.getByRole('button', { name: 'Log', exact: true }).click();
    // The thread's own message from the rep may already count as the outreach ("Done with …" can be
    // on screen before the click): wait for the logged note itself, the effect of this click.
    await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Sent the retrofit intro/);
    await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Done with Initiate contact/);
    await sidebar.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => sidebar.locator('[aria-current="step"]').innerText()).toMatch(/Discover needs/);
    await sidebar.getByLabel('Stated need', { exact: true }).fill('Changeover under 10 minutes');
    await sidebar.getByRole('button', { name: 'Add need' }).click();
    await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Changeover under 10 minutes/);
    await sidebar.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => sidebar.locator('[aria-current="step"]').innerText()).toMatch(/Scope/);
    await sidebar.getByLabel('Needs agreed with the buyer').click();
    await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Done with Scope/);
    await sidebar.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => sidebar.locator('[aria-current="step"]').innerText()).toMatch(/Propose/);
    await sidebar.screenshot({ path: join(SHOTS, '3-sidebar-needs.png') });
    await sidebar.close();

    // The stage, then the thread's follow-up: Markus wrote last (24 Nov) and the rep has not answered.
    await waitForBadges(gmail, (b) => b.some((x) => x.text === 'Propose · Reply due'));
    expect(violations).toEqual([]);
  });

  test('4. the same in an Outlook reading pane', async () => {
    const outlook = await rig.browser.context.newPage();
    await outlook.goto(`${rig.site.origin}/outlook.html`);
    // The same deal: its stage and its follow-up (the one of its threads due first).
    await waitForBadges(outlook, (b) => b.some((x) => x.text.startsWith('Propose')));
    await outlook.screenshot({ path: join(SHOTS, '4-outlook-chip.png') });
  });

  test('5. win at order, on into maintenance; a referral starts a linked deal', async () => {
    const sidebar = await sidebarFor(gmailTabId);
    await expect
      .poll(() => sidebar.locator('[aria-current="step"]').innerText(), { timeout: 10_000 })
      .toMatch(/Propose/);
    await sidebar.getByLabel('Proposal value').fill('48000');
    await sidebar.getByRole('button', { name: 'Proposal sent' }).click();
    await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Done with Propose/);
    await sidebar.getByRole('button', { name: 'Advance' }).click();
    for (const [label, step] of [
      ['Feedback received', /Negotiate/],
      ['Terms agreed', /Order and payment/],
    ] as const) {
      await sidebar.getByLabel(label).click();
      await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Done with/);
      await sidebar.getByRole('button', { name: 'Advance' }).click();
      await expect.poll(() => sidebar.locator('[aria-current="step"]').innerText()).toMatch(step);
    }
    await sidebar.getByLabel('Order placed and paid').click();
    await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Done with Order and payment/);
    await sidebar.getByRole('button', { name: 'Mark won' }).click();
    await expect.poll(() => sidebar.locator('[aria-current="step"]').innerText()).toMatch(/Monitor/);
    expect(await sidebar.locator('main').innerText()).toMatch(/Account maintenance · Monitor · Won/);
    await sidebar.getByRole('button', { name: 'Log check-in' }).click();
    await expect.poll(() => sidebar.locator('main').innerText()).toMatch(/Last check-in:/);
    await sidebar.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => sidebar.locator('[aria-current="step"]').innerText()).toMatch(/Nurture/);
    await sidebar.getByRole('button', { name: 'Referral' }).click();
    await sidebar.getByLabel('Referred contact (name or email)').fill('lena.fischer@acme-industrie.de');
    await sidebar.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => sidebar.getByLabel('Referred contact (name or email)').count()).toBe(0);

    // The referred contact has a new deal at identify, linked to Markus's deal.
    const readDeals = () =>
      rig.browser.serviceWorker.evaluate(async () => {
        const open = indexedDB.open('pipeline-scout');
        const db: IDBDatabase = await new Promise(
          (ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))),
        );
        const all: { step: string; origin?: { kind: string }; status: string }[] = await new Promise((ok) => {
          const r = db.transaction('deals').objectStore('deals').getAll();
          r.onsuccess = () => ok(r.result);
        });
        db.close();
        return all.map((d) => ({ step: d.step, status: d.status, origin: d.origin?.kind }));
      });
    await expect.poll(readDeals).toEqual(
      expect.arrayContaining([
        { step: 'nurture', status: 'won', origin: undefined },
        { step: 'identify', status: 'open', origin: 'referral' },
      ]),
    );
    await sidebar.screenshot({ path: join(SHOTS, '5-won-referral.png') });
    await sidebar.close();
  });

  test('6. close and relaunch with the same profile: everything is still there', async () => {
    await rig.close();
    rig = await startRig({ userDataDir });
    const popup = await extensionPage('popup.html');
    await popup.getByLabel('Search contacts').fill(DAY.searchFor);
    await expect
      .poll(() => popup.getByRole('listbox').innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(DAY.person));
    await popup.close();
  });

  test('7. backup, delete everything, restore: identical data', async () => {
    const dump = () => dumpDb(rig);
    const before = await dump();
    expect(before.deals!.length).toBeGreaterThanOrEqual(2);
    const options = await extensionPage('options.html', { width: 1000, height: 900 });
    const downloadPromise = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Download backup' }).click();
    const file = await (await downloadPromise).path();
    await options.getByLabel(DAY.deleteConfirmLabel).fill('DELETE');
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(async () => (await dump()).contacts!.length).toBe(0);
    await options.locator('label.file', { hasText: 'Restore backup' }).locator('input').setInputFiles(file!);
    await expect
      .poll(() => options.getByRole('dialog', { name: 'Restore' }).innerText())
      .toMatch(DAY.restorePreview);
    await options.getByRole('dialog', { name: 'Restore' }).getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => options.getByRole('status').first().innerText()).toMatch(DAY.restored);
    expect(await dump()).toEqual(before);
    await options.screenshot({ path: join(SHOTS, '7-options.png'), fullPage: true });
  });
});

test('badges are never readable by the page (closed shadow root)', async () => {
  const page = await rig.browser.context.newPage();
  await page.goto(`${rig.site.origin}/team.html`);
  await waitForBadges(page, (b) => b.length > 0);
  const visibleToPage = await page.evaluate(() => {
    const host = document.querySelector('[data-pipeline-scout]');
    return { host: !!host, shadow: host?.shadowRoot ?? null };
  });
  expect(visibleToPage).toEqual({ host: true, shadow: null });
  expect((await readBadges(page)).length).toBeGreaterThan(0);
});
