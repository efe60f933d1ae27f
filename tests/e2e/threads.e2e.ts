import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findTabId } from '../../scripts/chromium';
import { startRig, type Rig } from './fixtures';
import { waitForBadges } from './badges';

/**
 * Issue #18 in Chromium: the rep opens a Gmail thread, saves the sender and starts a deal; the
 * deal shows the thread, its messages are on the timeline once however often it is re-read, a
 * reply changes who owes the next e-mail, and "Open" points at the thread on Gmail.
 */
let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ userDataDir: mkdtempSync(join(tmpdir(), 'pipeline-scout-threads-')) });
});
afterAll(async () => rig?.close());

/** Every record of a store, read in the service worker (what the extension stored, not what a view shows). */
function readStore<T>(name: string): Promise<T[]> {
  return rig.browser.serviceWorker.evaluate(async (store: string) => {
    const open = indexedDB.open('pipeline-scout');
    const db: IDBDatabase = await new Promise(
      (ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))),
    );
    const all: unknown[] = await new Promise((ok) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return all;
  }, name) as Promise<T[]>;
}

interface StoredThread {
  id: string;
  dealId?: string;
  followUp: { state: string; since?: number };
  messages: { id: string }[];
}
interface StoredActivity {
  messageId?: string;
  dealId?: string;
}

const markusChip = (page: Page) =>
  waitForBadges(page, (b) => b.some((x) => x.title.includes('Markus Weber')));

describe('threads linked to deals', () => {
  test('open a thread, save the sender, start a deal: the deal shows the thread; re-reads never duplicate; a reply clears waiting on you', async () => {
    const gmail = await rig.browser.context.newPage();
    await gmail.goto(`${rig.site.origin}/gmail.html`);
    const tabId = (await findTabId(rig.browser, `${rig.site.origin}/gmail.html`))!;
    await markusChip(gmail);
    // Read before the contact is saved: kept, not linked.
    await expect.poll(async () => (await readStore<StoredThread>('threads')).length).toBe(1);

    const sidebar = await rig.browser.context.newPage();
    await sidebar.setViewportSize({ width: 420, height: 900 });
    await sidebar.goto(rig.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await sidebar.getByRole('button', { name: 'Add contact' }).click();
    await sidebar.getByRole('button', { name: 'Start deal', exact: true }).click();

    // Linked when the deal was started: the thread and both messages, once.
    await expect.poll(async () => (await readStore<StoredThread>('threads'))[0]?.dealId).toBeTruthy();
    const thread = (await readStore<StoredThread>('threads'))[0]!;
    expect(thread.id).toBe('gmail:18c2f0a9d4e1b7c3');
    expect(thread.followUp.state).toBe('waiting-on-you');

    // The deal shows it, with an Open link to the thread on Gmail.
    const item = sidebar.locator(`li[data-thread="${thread.id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toMatch(
      /Conveyor retrofit for line 3[\s\S]*Markus Weber[\s\S]*they wrote last/,
    );
    expect(await item.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(
      'https://mail.google.com/mail/u/0/#all/18c2f0a9d4e1b7c3',
    );

    // Three re-reads of the thread: each report is answered (its chips), the timeline has each message once.
    for (let i = 0; i < 3; i++) {
      await gmail.reload();
      await markusChip(gmail);
    }
    const emails = (await readStore<StoredActivity>('activities')).filter((a) => a.messageId);
    expect(emails.map((a) => a.messageId).sort()).toEqual([
      'gmail:18c2f0a9d4e1b7c3',
      'gmail:18c2f0a9d4e1b7c4',
    ]);
    expect(new Set(emails.map((a) => a.dealId))).toEqual(new Set([thread.dealId]));

    // The rep's reply arrives in the open thread: waiting on you is cleared, now waiting on them.
    await gmail.evaluate(() => {
      const reply = document.querySelector('div.adn')!.cloneNode(true) as HTMLElement;
      reply.setAttribute('data-message-id', '#msg-f:1780000000000000003');
      reply.setAttribute('data-legacy-message-id', '18c2f0a9d4e1b7c5');
      reply.querySelector('span.g3')!.setAttribute('title', 'Wed, 25 Nov 2026, 10:00');
      document.querySelector('main')!.append(reply);
    });
    await expect
      .poll(async () => (await readStore<StoredThread>('threads'))[0]?.followUp.state)
      .toBe('waiting-on-them');
    await expect
      .poll(async () => (await readStore<StoredActivity>('activities')).filter((a) => a.messageId).length)
      .toBe(3);
    await sidebar.close();
    await gmail.close();
  });
});
