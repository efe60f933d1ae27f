import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { findTabId } from '../../scripts/chromium';
import { startRig, type Rig } from './fixtures';
import { waitForBadges } from './badges';

/**
 * Webmail as reps have it (issue #16): a Workspace-titled Gmail thread with collapsed messages
 * and a German Outlook conversation; the popup and the sidebar show every sender, never the rep.
 */
const SHOTS = resolve('screenshots/e2e');
mkdirSync(SHOTS, { recursive: true });

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ userDataDir: mkdtempSync(join(tmpdir(), 'pipeline-scout-webmail-')) });
});
afterAll(async () => rig?.close());

async function extensionPage(path: string, size = { width: 420, height: 900 }): Promise<Page> {
  const page = await rig.browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(rig.extensionUrl(path));
  return page;
}

async function openMail(file: string, hash = ''): Promise<{ page: Page; tabId: number }> {
  const page = await rig.browser.context.newPage();
  await page.goto(`${rig.site.origin}/${file}${hash}`);
  const tabId = (await findTabId(rig.browser, `${rig.site.origin}/${file}*`))!;
  expect(tabId).toBeGreaterThan(0);
  return { page, tabId };
}

/** The popup's rows for the tab, once the tab's report holds `expected` people. */
async function popupRows(tabId: number, expected: number) {
  const popup = await extensionPage(`popup.html?tab=${tabId}`, { width: 400, height: 700 });
  const rows = popup.getByRole('list', { name: 'Found on this page' }).getByRole('listitem');
  await expect.poll(() => rows.count()).toBe(expected);
  return { popup, texts: await rows.allInnerTexts() };
}

async function sidebarText(tabId: number, pattern: RegExp) {
  const sidebar = await extensionPage(`sidepanel.html?tab=${tabId}`);
  await sidebar.getByRole('tab', { name: 'Contact' }).waitFor();
  await expect.poll(() => sidebar.locator('main').innerText()).toMatch(pattern);
  return sidebar;
}

describe('webmail as reps have it', () => {
  test('a Workspace Gmail thread with collapsed messages: every sender, never the rep', async () => {
    const { page, tabId } = await openMail('gmail-workspace.html', '#inbox/FMfcgzQbgcHKRcqLmNzXwVbJkWTBxxxx');
    // A chip beside the sender named only in a collapsed header, and beside the open message's.
    const badges = await waitForBadges(
      page,
      (b) => b.some((x) => x.title.includes('Lena Fischer')) && b.some((x) => x.title.includes('João Silva')),
    );
    expect(badges.some((x) => x.title.includes('Rita Rep'))).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'webmail-gmail-workspace.png') });

    const { popup, texts } = await popupRows(tabId, 2);
    expect(texts.join('\n')).toMatch(/João Silva[\s\S]*Diretor de Compras[\s\S]*Vidros Lusos Lda\./);
    expect(texts.some((t) => t.includes('Lena Fischer'))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/Rita Rep|rep@pipeline-scout\.dev/);
    await popup.close();

    // The sidebar: the open message's sender with what the Portuguese signature says.
    const sidebar = await sidebarText(tabId, /João Silva[\s\S]*Diretor de Compras[\s\S]*Vidros Lusos Lda\./);
    await sidebar.screenshot({ path: join(SHOTS, 'webmail-gmail-sidebar.png') });
    await sidebar.close();
  });

  test('a German Outlook message: "An:"/"Cc:" never part of a name, the rep first in "An:" never a prospect', async () => {
    const { page, tabId } = await openMail('outlook-de.html');
    await waitForBadges(page, (b) => b.some((x) => x.title.includes('Jana Schubert')));
    const { popup, texts } = await popupRows(tabId, 3);
    const all = texts.join('\n');
    expect(all).toMatch(/Jana Schubert[\s\S]*Leiterin Einkauf[\s\S]*Acme Industrie GmbH/);
    expect(all).toMatch(/Klaus Bauer/);
    expect(all).toMatch(/Buchhaltung/);
    expect(all).not.toMatch(/\b(?:An|Cc|Von):/);
    expect(all).not.toMatch(/Rita Rep|rep@pipeline-scout\.dev/);
    await popup.close();

    const sidebar = await sidebarText(
      tabId,
      /Jana Schubert[\s\S]*Leiterin Einkauf[\s\S]*Acme Industrie GmbH/,
    );
    await sidebar.close();
  });

  test('the options page shows the new anchors (owner, thread and message ids) as found', async () => {
    const options = await extensionPage('options.html', { width: 900, height: 1200 });
    const table = options.locator('section[aria-labelledby="health-title"]');
    for (const anchor of ['owner', 'thread-id', 'message-id']) {
      const row = table
        .getByRole('row')
        .filter({ has: options.getByRole('rowheader', { name: anchor, exact: true }) });
      await expect.poll(() => row.count()).toBe(1);
      const found = Number(await row.getByRole('cell').first().innerText());
      expect(found).toBeGreaterThan(0);
    }
    await options.close();
  });
});
