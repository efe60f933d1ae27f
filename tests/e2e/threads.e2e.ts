import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findTabId } from '../../scripts/chromium';
import { startRig, type Rig } from './fixtures';
import { waitForBadges } from './badges';
import { readStore as readStoreOf } from './db';

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

const readStore = <T>(name: string) => readStoreOf<T>(rig, name);

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

/** A new message in the open Gmail thread, shaped like Gmail's (an `div.adn` with its ids, sender and date tooltip). */
async function addMessage(page: Page, m: { id: string; from: string; name: string; daysAhead: number }) {
  await page.evaluate((m) => {
    const at = new Date(Date.now() + m.daysAhead * 86_400_000);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    const message = document.querySelector('div.adn')!.cloneNode(true) as HTMLElement;
    message.setAttribute('data-message-id', `#msg-f:${BigInt(`0x${m.id}`).toString()}`);
    message.setAttribute('data-legacy-message-id', m.id);
    const sender = message.querySelector('span.gD')!;
    sender.setAttribute('email', m.from);
    sender.setAttribute('name', m.name);
    sender.textContent = m.name;
    message
      .querySelector('span.g3')!
      .setAttribute(
        'title',
        `${at.getDate()} ${months[at.getMonth()]} ${at.getFullYear()}, ${two(at.getHours())}:${two(at.getMinutes())}`,
      );
    document.querySelector('main')!.append(message);
  }, m);
}

/** The E2E build's test hook in the service worker: move its clock, run the reminder check. */
function testHook(name: 'moveClock' | 'checkFollowUps', arg?: number): Promise<unknown> {
  return rig.browser.serviceWorker.evaluate(
    ([name, arg]) =>
      (globalThis as unknown as { __pipelineScoutTest: Record<string, (a?: number) => unknown> })
        .__pipelineScoutTest[name]!(arg),
    [name, arg] as const,
  );
}

/** A message arrives in the open thread: the stored follow-up and the chip both change. */
async function replyArrives(page: Page, m: Parameters<typeof addMessage>[1], state: string, label: string) {
  await addMessage(page, m);
  await expect.poll(async () => (await readStore<StoredThread>('threads'))[0]?.followUp.state).toBe(state);
  await waitForBadges(page, (b) => b.some((x) => x.text.endsWith(`· ${label}`)));
}

const markusChip = (page: Page) =>
  waitForBadges(page, (b) => b.some((x) => x.title.includes('Markus Weber')));

describe('threads linked to deals', () => {
  test('open a thread, save the sender, start a deal: the deal shows the thread; re-reads never duplicate; a follow-up becomes due when the clock moves and a reply clears it', async () => {
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

    // The rep answers now: waiting on them, not yet due; the chip says so.
    await replyArrives(
      gmail,
      {
        id: '18c2f0a9d4e1b7c5',
        from: 'rep@pipeline-scout.dev',
        name: 'Rita Rep',
        daysAhead: 0,
      },
      'waiting-on-them',
      'Waiting on them',
    );

    // Ten days later (the clock moved in the service worker) with no reply: the follow-up is due,
    // on the chip and as a reminder.
    await testHook('moveClock', 10 * 86_400_000);
    await gmail.reload();
    await waitForBadges(gmail, (b) => b.some((x) => x.text.endsWith('· Follow-up due')));
    const fired = await testHook('checkFollowUps');
    expect(fired).toBe(1);

    // Markus replies: the follow-up is cleared (now the rep owes the answer).
    await replyArrives(
      gmail,
      {
        id: '18c2f0a9d4e1b7c6',
        from: 'markus.weber@acme-industrie.de',
        name: 'Markus Weber',
        daysAhead: 10,
      },
      'waiting-on-you',
      'Waiting on you',
    );
    await expect
      .poll(async () => (await readStore<StoredActivity>('activities')).filter((a) => a.messageId).length)
      .toBe(4);
    await sidebar.close();
    await gmail.close();
  });
});
