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
 * offered a suppressed address again, until the rep allows it again in Settings.
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

/** The thread Markus writes from his private address (test 2). */
const PRIVATE_THREAD = 'gmail:18c2f0a9d4e1c203';

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
 * The demo Gmail thread (Markus writes, Jana in copy) turned into one `sender` writes to the rep
 * alone: other thread and message ids (`n` tells them apart), the sender in the From line and the
 * signature, nobody in copy. Served at /gmail-<name>.html, a path the E2E build reads as Gmail.
 */
async function mailFrom(
  name: string,
  n: number,
  sender: { email: string; name: string; title: string; subject: string },
): Promise<Page> {
  const html = readFileSync(resolve('demo/site/gmail.html'), 'utf8')
    .replaceAll('18c2f0a9d4e1b7c', `18c2f0a9d4e1c${n}0`)
    .replaceAll('17800000000000000', `1780000000000000${n}0`)
    .replace(/, cc: <span class="g2"[^>]*>[^<]*<\/span>/, '')
    .replace(/<div>Tel:[^<]*<\/div>/, '')
    .replaceAll('Conveyor retrofit for line 3', sender.subject)
    .replaceAll('markus.weber@acme-industrie.de', sender.email)
    .replaceAll('Markus Weber', sender.name)
    .replaceAll('Head of Procurement', sender.title);
  const url = `${rig.site.origin}/gmail-${name}.html`;
  await rig.browser.context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const page = await rig.browser.context.newPage();
  await page.goto(url);
  return page;
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

  test('2. merge two records of one person: addresses, deals and threads move, nothing is lost', async () => {
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
    const { deal: spareParts } = await sendFrom<{ deal: StoredDeal }>(sidebar, 'deals/start', {
      contactId: second.id,
      title: 'Spare parts',
    });
    await sidebar.close();
    // He wrote from that address too: the thread links to that record's deal.
    const privateMail = await mailFrom('private', 2, {
      email: 'markus.weber.private@gmail.com',
      name: 'Markus Weber',
      title: 'Head of Procurement',
      subject: 'Spare parts',
    });
    const linkOf = async () => {
      const t = (await threads()).find((x) => x.id === PRIVATE_THREAD);
      return [t?.contactId, t?.dealId];
    };
    await expect.poll(linkOf, { timeout: 15_000 }).toEqual([second.id, spareParts.id]);
    const mailActivities = async (contactId: string) =>
      (await dumpDb(rig)).activities.filter((a) => a.contactId === contactId && a.kind === 'email').length;
    await expect.poll(() => mailActivities(second.id)).toBe(2);
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
    // The thread and its messages moved with the deal.
    expect(await linkOf()).toEqual([merged!.id, spareParts.id]);
    expect(await mailActivities(merged!.id)).toBe(2);
    expect(await mailActivities(second.id)).toBe(0);
    await Promise.all([page.close(), privateMail.close()]);
  });

  test('3. forget a person with a deal and a linked thread: nothing of them in search, board, backup, threads or the pages', async () => {
    await startDealFromPopup('Jana Schubert');
    const [jana] = (await contacts()).filter((c) => c.name === 'Jana Schubert');
    const [janaDeal] = (await deals()).filter((d) => d.contactId === jana!.id);
    // Jana writes to the rep: her thread links to her deal. Markus's thread has her in copy.
    const herMail = await mailFrom('jana', 1, {
      email: 'jana.schubert@acme-industrie.de',
      name: 'Jana Schubert',
      title: 'Geschäftsführerin',
      subject: 'Spare parts for line 5',
    });
    const markusMail = await rig.browser.context.newPage();
    await markusMail.goto(`${rig.site.origin}/gmail.html`);
    await expect
      .poll(
        async () =>
          (await threads())
            .filter((t) => t.id !== PRIVATE_THREAD)
            .map((t) => [t.id, t.contactId === jana!.id ? t.dealId : 'other'])
            .sort(),
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
    // Markus's thread (linked to him) has her in copy: the preview says it stays, as forget then does.
    expect(await dialog.innerText()).toMatch(/1 e-mail threads others are in stay, without this person/);
    await dialog.getByLabel(/Never suggest these addresses again/).check();
    await dialog.getByRole('button', { name: 'Forget', exact: true }).click();
    await expect
      .poll(async () => JSON.stringify(await dumpDb(rig, { withThreads: true })))
      .not.toMatch(/jana|schubert/i);
    const after = await dumpDb(rig, { withThreads: true });
    expect(JSON.stringify(after)).not.toContain(jana!.id);
    // Her thread is gone; Markus's stays, without her.
    expect(after.threads.map((t) => t.id).sort()).toEqual(['gmail:18c2f0a9d4e1b7c3', PRIVATE_THREAD]);

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

  test('5. allowed again in Settings (Never-suggest list): the forgotten address is suggested on the page again', async () => {
    const options = await extensionPage('options.html', { width: 900, height: 1000 });
    const section = options.getByRole('region', { name: 'Never-suggest list' });
    await expect.poll(() => section.innerText(), { timeout: 10_000 }).toMatch(/Addresses on it: 1\./);
    // Keyboard only: type the address as the rep remembers it, Enter.
    const field = section.getByLabel('Allow an address again');
    await field.fill('Jana.Schubert@acme-industrie.de');
    await field.press('Enter');
    await expect
      .poll(() => section.getByRole('status').innerText(), { timeout: 10_000 })
      .toBe(
        'Removed: Jana.Schubert@acme-industrie.de is off the list. A person is suggested again once none of their addresses is on it.',
      );
    await expect.poll(() => section.innerText()).toMatch(/Addresses on it: 0\./);
    await section.screenshot({ path: join(SHOTS, 'record-5-allowed-again.png') });
    await options.close();

    await team.reload();
    await waitForBadges(team, (b) => b.some((x) => x.title.includes('Jana Schubert')));
    const popup = await extensionPage(`popup.html?tab=${teamTabId}`, { width: 400, height: 700 });
    const list = popup.getByRole('list', { name: 'Found on this page' });
    await expect.poll(() => list.innerText(), { timeout: 10_000 }).toMatch(/Jana Schubert/);
    await popup.close();
  });
});
