import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { findTabId } from '../../scripts/chromium';
import { startRig, type Rig } from './fixtures';
import { waitForBadges } from './badges';
import { dumpDb, sendFrom } from './db';

/**
 * The rep owns the record (issue #21): correct a contact found on a team page (the derived deal
 * title follows), merge two records of one person, forget a person completely, and never be
 * offered a suppressed address again.
 */
const SHOTS = resolve('screenshots/e2e');
mkdirSync(SHOTS, { recursive: true });

let rig: Rig;
let team: Page;
let teamTabId: number;

interface StoredContact {
  id: string;
  name: string;
  company?: string;
  emails: string[];
}
interface StoredDeal {
  id: string;
  contactId: string;
  title: string;
}

interface StoredThread {
  id: string;
  contactId?: string;
  dealId?: string;
  participants: { email: string }[];
}

const contacts = async () => (await dumpDb(rig)).contacts as unknown as StoredContact[];
const threads = async () => (await dumpDb(rig, { withThreads: true })).threads as unknown as StoredThread[];
const deals = async () => (await dumpDb(rig)).deals as unknown as StoredDeal[];
const markusOf = async () => (await contacts()).filter((c) => c.name === 'Markus Weber');

async function extensionPage(path: string, size = { width: 420, height: 900 }) {
  const page = await rig.browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(rig.extensionUrl(path));
  return page;
}

/** The sidebar of the team tab, opened on the contact a search finds (the result that has `hasText`). */
async function sidebarOn(query: string, hasText: string | RegExp) {
  const page = await extensionPage(`sidepanel.html?tab=${teamTabId}`);
  await page.getByRole('tab', { name: 'Contact' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(query);
  await page.getByRole('listbox').getByRole('button').filter({ hasText }).first().click();
  await page.getByRole('button', { name: 'Edit contact' }).waitFor();
  return page;
}

async function startDealFromPopup(name: string) {
  const popup = await extensionPage(`popup.html?tab=${teamTabId}`, { width: 400, height: 700 });
  const rows = popup.getByRole('list', { name: 'Found on this page' }).getByRole('listitem');
  await expect.poll(() => rows.filter({ hasText: name }).count(), { timeout: 10_000 }).toBe(1);
  await rows.filter({ hasText: name }).getByRole('button', { name: 'Start deal' }).click();
  await expect
    .poll(() => rows.filter({ hasText: name }).innerText(), { timeout: 10_000 })
    .toMatch(/Initiate contact/);
  await popup.close();
}

/**
 * The demo Gmail thread (Markus writes, Jana in copy) turned into one Jana writes herself: other
 * thread and message ids, her as the sender and in the signature, nobody in copy.
 */
function janasThread(): string {
  return readFileSync(resolve('demo/site/gmail.html'), 'utf8')
    .replaceAll('18c2f0a9d4e1b7c', '18c2f0a9d4e1c10')
    .replaceAll('17800000000000000', '17800000000000010')
    .replace(/, cc: <span class="g2"[^>]*>[^<]*<\/span>/, '')
    .replace(/<div>Tel:[^<]*<\/div>/, '')
    .replaceAll('Conveyor retrofit for line 3', 'Spare parts for line 5')
    .replaceAll('markus.weber@', 'jana.schubert@')
    .replaceAll('Markus Weber', 'Jana Schubert')
    .replaceAll('Head of Procurement', 'Geschäftsführerin');
}

beforeAll(async () => {
  rig = await startRig({ userDataDir: mkdtempSync(join(tmpdir(), 'pipeline-scout-record-')) });
  team = await rig.browser.context.newPage();
  await team.goto(`${rig.site.origin}/team.html`);
  teamTabId = (await findTabId(rig.browser, `${rig.site.origin}/team.html`))!;
  await waitForBadges(team, (b) => b.some((x) => x.title.includes('Markus Weber')));
});
afterAll(async () => rig?.close());

describe('the rep owns the record', () => {
  test('1. fix the company of a contact from the team page: the derived deal title follows', async () => {
    await startDealFromPopup('Markus Weber');
    const [before] = await markusOf();
    const [deal] = (await deals()).filter((d) => d.contactId === before!.id);
    // The deal was named after what detection found for the company.
    expect(deal!.title).toBe(before!.company ?? before!.name);

    const sidebar = await sidebarOn('markus', 'Markus Weber');
    await sidebar.getByRole('button', { name: 'Edit contact' }).click();
    const company = sidebar.getByLabel(/^Company(?! domain)/);
    await company.fill('Acme Industrie GmbH');
    await company.press('Enter');
    await expect
      .poll(async () => {
        const [c] = await markusOf();
        const d = (await deals()).find((x) => x.id === deal!.id);
        return [c?.company, d?.title];
      })
      .toEqual(['Acme Industrie GmbH', 'Acme Industrie GmbH']);
    // The field now says it is the rep's.
    await sidebar.getByRole('button', { name: 'Edit contact' }).click();
    await expect
      .poll(() => sidebar.locator('label', { hasText: /^Company(?! domain)/ }).innerText())
      .toMatch(/edited by you/);
    await sidebar.keyboard.press('Escape');
    await sidebar.screenshot({ path: join(SHOTS, 'record-1-edited.png') });
    await sidebar.close();
  });

  test('2. merge two records of one person: addresses and deals move, nothing is lost', async () => {
    const sidebar = await extensionPage(`sidepanel.html?tab=${teamTabId}`);
    const { contact: second } = await sendFrom<{ contact: StoredContact }>(sidebar, 'contacts/add', {
      contact: {
        name: 'Markus Weber',
        emails: ['markus.weber.private@gmail.com'],
        phones: ['+49301234568'],
        profiles: [],
        detectors: ['manual'],
      },
    });
    await sendFrom(sidebar, 'deals/start', { contactId: second.id, title: 'Spare parts' });
    await sidebar.close();
    const dealCount = (await deals()).length;
    const contactCount = (await contacts()).length;

    const page = await sidebarOn('markus', 'Acme Industrie GmbH');
    const flagged = page.getByRole('region', { name: 'Possibly the same person' });
    await expect
      .poll(() => flagged.innerText(), { timeout: 10_000 })
      .toMatch(/markus\.weber\.private@gmail\.com · same phone/);
    await flagged.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('button', { name: 'Merge into this contact' }).click();
    await expect.poll(async () => (await markusOf()).length).toBe(1);
    const [merged] = await markusOf();
    expect(merged!.emails).toEqual(['markus.weber@acme-industrie.de', 'markus.weber.private@gmail.com']);
    expect((await contacts()).length).toBe(contactCount - 1);
    const all = await deals();
    expect(all.length).toBe(dealCount);
    expect(
      all
        .filter((d) => d.contactId === merged!.id)
        .map((d) => d.title)
        .sort(),
    ).toEqual(['Acme Industrie GmbH', 'Spare parts']);
    await expect.poll(() => flagged.count()).toBe(0);
    await page.close();
  });

  test('3. forget a person with a deal and a linked thread: nothing of them in search, board, backup, threads or the pages', async () => {
    await startDealFromPopup('Jana Schubert');
    const [jana] = (await contacts()).filter((c) => c.name === 'Jana Schubert');
    const [janaDeal] = (await deals()).filter((d) => d.contactId === jana!.id);
    // Jana writes to the rep: her thread links to her deal. Markus's thread has her in copy.
    await rig.browser.context.route(`${rig.site.origin}/gmail-jana.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: janasThread() }),
    );
    const herMail = await rig.browser.context.newPage();
    await herMail.goto(`${rig.site.origin}/gmail-jana.html`);
    const markusMail = await rig.browser.context.newPage();
    await markusMail.goto(`${rig.site.origin}/gmail.html`);
    await expect
      .poll(
        async () =>
          (await threads()).map((t) => [t.id, t.contactId === jana!.id ? t.dealId : 'other']).sort(),
        {
          timeout: 15_000,
        },
      )
      .toEqual([
        ['gmail:18c2f0a9d4e1b7c3', 'other'],
        ['gmail:18c2f0a9d4e1c103', janaDeal!.id],
      ]);
    await waitForBadges(herMail, (b) => b.some((x) => x.title.includes('Jana Schubert')));

    const sidebar = await sidebarOn('jana', 'Jana Schubert');
    await sendFrom(sidebar, 'activities/add', { contactId: jana!.id, kind: 'call', text: 'Intro call' });
    // The call and the thread's two messages on her deal's timeline.
    await expect
      .poll(async () => (await dumpDb(rig)).activities.filter((a) => a.contactId === jana!.id).length)
      .toBe(3);
    await sidebar.getByRole('button', { name: 'Forget this person' }).click();
    const dialog = sidebar.getByRole('alertdialog', { name: 'Forget this person' });
    await expect.poll(() => dialog.innerText()).toMatch(/1 deals, 3 activities, 1 e-mail threads/);
    await dialog.getByLabel(/Never suggest these addresses again/).check();
    await dialog.getByRole('button', { name: 'Forget', exact: true }).click();
    await expect
      .poll(async () => JSON.stringify(await dumpDb(rig, { withThreads: true })))
      .not.toMatch(/jana|schubert/i);
    const after = await dumpDb(rig, { withThreads: true });
    expect(JSON.stringify(after)).not.toContain(jana!.id);
    // Her thread is gone; Markus's stays, without her.
    expect(after.threads.map((t) => t.id)).toEqual(['gmail:18c2f0a9d4e1b7c3']);

    // Search.
    // A new search (the box still holds the query that found her).
    const search = sidebar.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill('');
    await expect.poll(() => sidebar.getByRole('listbox').count()).toBe(0);
    await search.fill('jana');
    await expect.poll(() => sidebar.getByRole('listbox').innerText()).toMatch(/No contact matches/);
    // Board: Markus's deals are there, nothing of Jana.
    await sidebar.getByRole('tab', { name: 'Board' }).click();
    await expect
      .poll(() => sidebar.getByRole('button', { name: 'Move forward: Spare parts' }).count())
      .toBe(1);
    expect(await sidebar.locator('main').innerText()).not.toMatch(/Jana|Schubert/);
    // Backup.
    const backup = await sendFrom<{ json: string }>(sidebar, 'data/backup', {});
    expect(backup.json).not.toMatch(/jana|schubert/i);
    // The pages' badges: the team page and her mail.
    await waitForBadges(
      team,
      (b) => b.some((x) => x.title.includes('Markus Weber')) && !b.some((x) => /Jana|Schubert/.test(x.title)),
    );
    await waitForBadges(herMail, (b) => !b.some((x) => /Jana|Schubert/.test(x.title)));
    // A re-read of both mails (each tab reports again: its scan time moves) stores nothing of her.
    const tabIds = await Promise.all(
      ['gmail-jana.html', 'gmail.html'].map((f) => findTabId(rig.browser, `${rig.site.origin}/${f}`)),
    );
    const scannedAt = () =>
      Promise.all(
        tabIds.map(
          async (tabId) =>
            (await sendFrom<{ scannedAt?: number }>(sidebar, 'tab/state', { tabId })).scannedAt ?? 0,
        ),
      );
    const before = await scannedAt();
    await Promise.all([herMail.reload(), markusMail.reload()]);
    await expect
      .poll(async () => (await scannedAt()).every((at, i) => at > before[i]!), { timeout: 15_000 })
      .toBe(true);
    expect(JSON.stringify(await dumpDb(rig, { withThreads: true }))).not.toMatch(/jana|schubert/i);
    await Promise.all([herMail.close(), markusMail.close()]);
    await sidebar.screenshot({ path: join(SHOTS, 'record-3-forgotten.png') });
    await sidebar.close();
  });

  test('4. a suppressed address is not offered on the page again', async () => {
    await team.reload();
    const badges = await waitForBadges(team, (b) => b.some((x) => x.title.includes('Markus Weber')));
    expect(badges.some((x) => /Jana|Schubert/.test(x.title))).toBe(false);
    const popup = await extensionPage(`popup.html?tab=${teamTabId}`, { width: 400, height: 700 });
    const list = popup.getByRole('list', { name: 'Found on this page' });
    await expect.poll(() => list.innerText(), { timeout: 10_000 }).toMatch(/Markus Weber/);
    expect(await list.innerText()).not.toMatch(/Jana|Schubert/);
    const state = await sendFrom<{ contacts: { name?: string }[] }>(popup, 'tab/state', { tabId: teamTabId });
    expect(state.contacts.map((c) => c.name)).not.toContain('Jana Schubert');
    expect(state.contacts.map((c) => c.name)).toContain('Lena Fischer');
    await popup.close();
  });
});
