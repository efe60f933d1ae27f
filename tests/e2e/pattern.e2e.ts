import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { findTabId } from '../../scripts/chromium';
import { FAULTS_DIR, startRig, type Rig } from './fixtures';
import { writePatternPages } from './pattern-pages';

let rig: Rig;
beforeAll(async () => {
  writePatternPages(FAULTS_DIR);
  rig = await startRig();
});
afterAll(async () => rig?.close());

/** The page, scanned (the scanner's ready mark), and the popup of its tab. */
async function scannedWithPopup(path: string) {
  const url = `${rig.site.origin}/faults/${path}`;
  const page = await rig.browser.context.newPage();
  await page.goto(url);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.pipelineScoutTest), { timeout: 10_000 })
    .toBe('ready');
  const tabId = (await findTabId(rig.browser, url))!;
  const popup = await rig.browser.context.newPage();
  await popup.goto(rig.extensionUrl(`popup.html?tab=${tabId}`));
  const rows = popup.getByRole('list', { name: 'Found on this page' }).getByRole('listitem');
  return { page, popup, rows };
}

const guesses = (popup: Page) =>
  popup.evaluate(() =>
    [...document.querySelectorAll('[data-row]')].map((row) => ({
      name: row.querySelector('.name')?.textContent ?? '',
      guess: row.querySelector('[data-guess]')?.getAttribute('data-guess') ?? null,
    })),
  );

/** The stored contacts a query finds, read through the extension's own message API. */
const stored = (popup: Page, query: string) =>
  popup.evaluate(async (q) => {
    const reply = (await (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'contacts/search', payload: { query: q } })) as {
      ok: boolean;
      data: { name: string; emails: string[]; proposedEmail?: { address: string } }[];
    };
    return reply.ok
      ? reply.data.map((c) => ({ name: c.name, emails: c.emails, guess: c.proposedEmail?.address }))
      : [];
  }, query);

test('a team page: the two people without an address get guesses; confirming one makes it an address', async () => {
  const { page, popup, rows } = await scannedWithPopup('pattern-team.html');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
  await expect
    .poll(async () => (await guesses(popup)).filter((r) => r.guess).length, { timeout: 10_000 })
    .toBe(2);
  expect(Object.fromEntries((await guesses(popup)).map((r) => [r.name, r.guess]))).toEqual({
    'Jürgen Müller': null,
    'Anna Schäfer': null,
    'Thomas Becker': null,
    'Björn Köhler': 'bjoern.koehler@nordwind-maschinenbau.de',
    'Sabine Groß': 'sabine.gross@nordwind-maschinenbau.de',
  });
  const bjoern = rows.filter({ hasText: 'Björn Köhler' });
  expect(await bjoern.locator('[data-guess]').innerText()).toMatch(
    /Guess[\s\S]*3 of 3 known addresses at nordwind-maschinenbau\.de are first\.last/,
  );
  // A guess is not an address: nothing is stored yet, and nothing under that address.
  expect(await stored(popup, 'bjoern.koehler@nordwind-maschinenbau.de')).toEqual([]);

  await bjoern.getByRole('button', { name: 'Confirm address' }).click();
  await expect
    .poll(() => stored(popup, 'köhler'), { timeout: 10_000 })
    .toEqual([
      { name: 'Björn Köhler', emails: ['bjoern.koehler@nordwind-maschinenbau.de'], guess: undefined },
    ]);
  // The popup follows: Björn now shows the address, unmarked; Sabine keeps her guess.
  await expect
    .poll(async () => (await guesses(popup)).find((r) => r.name === 'Björn Köhler')?.guess, {
      timeout: 10_000,
    })
    .toBeNull();
  expect(await bjoern.innerText()).toContain('bjoern.koehler@nordwind-maschinenbau.de');
  expect((await guesses(popup)).find((r) => r.name === 'Sabine Groß')?.guess).toBe(
    'sabine.gross@nordwind-maschinenbau.de',
  );
  await popup.close();
  await page.close();
});

test('a page whose only addresses are role accounts proposes none', async () => {
  const { page, popup, rows } = await scannedWithPopup('pattern-roles.html');
  // The tab's contacts (with any guesses) are computed before they are listed.
  await expect
    .poll(async () => (await guesses(popup)).map((r) => r.name), { timeout: 10_000 })
    .toEqual(expect.arrayContaining(['Petra Lange', 'Frank Wolter']));
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  expect((await guesses(popup)).filter((r) => r.guess)).toEqual([]);
  expect(await popup.locator('[data-guess]').count()).toBe(0);
  await popup.close();
  await page.close();
});
