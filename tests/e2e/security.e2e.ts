import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FAULTS_DIR, startRig, type Rig } from './fixtures';
import { waitForBadges } from './badges';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.close());

async function extensionPage(path: string) {
  const page = await rig.browser.context.newPage();
  await page.goto(rig.extensionUrl(path));
  return page;
}

async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([t, p]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  )) as { ok: boolean; data: T; error?: unknown };
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

const person = (name: string, title: string, email: string) =>
  `<div class="card"><h3>${name}</h3><p>${title}</p><a href="mailto:${email}">${email}</a></div>`;

describe('no pipeline oracle', () => {
  test('badges of unknown, saved, staged and lost contacts all have the same box', async () => {
    const options = await extensionPage('options.html');
    const add = (name: string, email: string) =>
      send<{ contact: { id: string } }>(options, 'contacts/add', {
        contact: {
          name,
          title: 'Head of Sales',
          emails: [email],
          phones: [],
          profiles: [],
          detectors: ['test'],
        },
      });
    await add('Sam Saved', 'sam@oracle-test.de');
    const staged = await add('Stella Staged', 'stella@oracle-test.de');
    const lost = await add('Lorenz Lost', 'lorenz@oracle-test.de');
    await send(options, 'deals/start', { contactId: staged.contact.id });
    const { deal } = await send<{ deal: { id: string; version: number } }>(options, 'deals/start', {
      contactId: lost.contact.id,
    });
    await send(options, 'deals/transition', {
      dealId: deal.id,
      expectedVersion: deal.version,
      action: 'lose',
      note: 'budget',
    });
    mkdirSync(FAULTS_DIR, { recursive: true });
    writeFileSync(
      join(FAULTS_DIR, 'oracle.html'),
      `<!doctype html><html lang="en"><body><main>${[
        person('Uma Unknown', 'Head of Sales', 'uma@oracle-test.de'),
        person('Nils Nofit', 'Intern', 'nils@elsewhere-test.de'),
        person('Sam Saved', 'Head of Sales', 'sam@oracle-test.de'),
        person('Stella Staged', 'Head of Sales', 'stella@oracle-test.de'),
        person('Lorenz Lost', 'Head of Sales', 'lorenz@oracle-test.de'),
      ].join('')}</main></body></html>`,
    );
    const page = await rig.browser.context.newPage();
    await page.goto(`${rig.site.origin}/faults/oracle.html`);
    // Five badges saying at least three different things (fit, stage, lost stage).
    const badges = await waitForBadges(
      page,
      (b) =>
        b.length === 5 && new Set(b.map((x) => x.text)).size >= 3 && b.some((x) => /\(lost\)/.test(x.text)),
    );
    const boxes = badges.map((b) => `${Math.round(b.width)}x${Math.round(b.height)}`);
    expect(new Set(badges.map((b) => b.text)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(boxes)).toEqual(new Set([boxes[0]]));
    await Promise.all([page.close(), options.close()]);
  });
});
