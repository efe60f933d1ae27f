import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startRig, type Rig } from './fixtures';
import { sendFrom } from './db';
import { bookCsv, bookVcf, countContacts, readContacts } from './big-book';
import { traceLongTasks, type LongTaskReport } from './long-tasks';

const ROWS = 100_000;
/** About 4.5 MB each. */
const VCARDS = 45_000;
const BACKUP_CONTACTS = 10_000;
/** A book big enough that its restore runs for seconds. */
const BOOK = 30_000;
const figures: Record<string, unknown> = {};
let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/big-files.json', JSON.stringify(figures, null, 2));
  console.log(`big-file figures: ${JSON.stringify(figures)}`);
});

const brief = (r: LongTaskReport) => ({
  longTasks: r.longTasks,
  longestMs: r.longestMs,
  extensionLongTasks: r.extensionLongTasks,
  longestExtensionTaskMs: r.longestExtensionTaskMs,
  detail: r.detail.slice(0, 5),
});

const DIR = resolve('.test-results/big-files');
function onDisk(name: string, text: string) {
  mkdirSync(DIR, { recursive: true });
  const path = resolve(DIR, name);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

type Gate = 'restore' | 'import';

/**
 * The E2E build's task gates (entrypoints/background/test-gate.ts): an armed gate holds the next
 * restore (before it writes) or import (between two chunks) until it is opened, so a cancel
 * lands while the task is really running, never after it finished.
 */
function gate(call: 'armGate' | 'isHeld' | 'openGate', name: Gate): Promise<unknown> {
  return rig.browser.serviceWorker.evaluate(
    ([call, name]) =>
      (globalThis as unknown as { __pipelineScoutTest: Record<string, (g: string) => unknown> })
        .__pipelineScoutTest[call]!(name),
    [call, name] as const,
  );
}

/** Waits until the task is held at its gate. */
async function held(name: Gate) {
  await expect.poll(() => gate('isHeld', name), { timeout: 120_000, interval: 100 }).toBe(true);
}

/**
 * Cancels the page's job of `kind` while it is held at its gate, lets it go on, and waits until
 * it is rolled back: the cancel is recorded first (the stored or in-memory job says cancelling).
 */
async function cancelHeld(page: Page, kind: string, name: Gate) {
  const job = page.locator(`.job[data-job-kind="${kind}"]`);
  await job.getByRole('button', { name: 'Cancel' }).click();
  await expect
    .poll(
      async () =>
        (await sendFrom<{ kind: string; state: string }[]>(page, 'jobs/list', {})).find(
          (j) => j.kind === kind,
        )?.state,
      { timeout: 60_000, interval: 100 },
    )
    .toBe('cancelling');
  expect(await gate('openGate', name)).toBe(true);
  await expect
    .poll(() => job.getAttribute('data-job-state'), { timeout: 300_000, interval: 500 })
    .toBe('cancelled');
}

async function options(): Promise<Page> {
  const page = await rig.browser.context.newPage();
  await page.goto(rig.extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'Data' }).waitFor();
  return page;
}

describe('a 4.5 MB file on the options page', () => {
  test('picking a 100,000-row CSV and starting its import: the page stays responsive', async () => {
    const page = await options();
    await sendFrom(page, 'data/delete-all', { confirm: 'DELETE' });
    const csv = onDisk('book.csv', bookCsv(ROWS));
    const pick = await traceLongTasks(page, async () => {
      // A file from disk, as a rep picks it (a buffer would be built by Playwright in the page).
      await page.locator('input[accept=".csv,text/csv"]').setInputFiles(csv.path);
      await page.locator('table.mapping').waitFor();
    });
    await page.getByLabel('Import the valid rows').check();
    await gate('armGate', 'import');
    const start = await traceLongTasks(page, async () => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => page.locator('.job progress').evaluate((b) => (b as HTMLProgressElement).value), {
          timeout: 120_000,
        })
        .toBeGreaterThan(0);
    });
    figures.csv = { bytes: csv.bytes, pick: brief(pick), start: brief(start) };
    await held('import');
    await cancelHeld(page, 'import-csv', 'import');
    await page.close();
  }, 600_000);

  test('picking a 4.5 MB vCard file: the page stays responsive while it is sent and imported', async () => {
    const page = await options();
    await sendFrom(page, 'data/delete-all', { confirm: 'DELETE' });
    const vcf = onDisk('book.vcf', bookVcf(VCARDS));
    await gate('armGate', 'import');
    const pick = await traceLongTasks(page, async () => {
      await page.locator('input[accept=".vcf,.json,text/vcard"]').setInputFiles(vcf.path);
      await expect
        .poll(() => page.locator('.job progress').evaluate((b) => (b as HTMLProgressElement).value), {
          timeout: 120_000,
        })
        .toBeGreaterThan(0);
    });
    figures.vcard = { bytes: vcf.bytes, pick: brief(pick) };
    await held('import');
    await cancelHeld(page, 'import-vcard', 'import');
    await page.close();
  }, 600_000);

  test('restoring a 4.5 MB backup: the page stays responsive while it is checked and restored', async () => {
    const page = await options();
    await sendFrom(page, 'data/delete-all', { confirm: 'DELETE' });
    await sendFrom(page, 'data/import-csv', { text: bookCsv(BACKUP_CONTACTS), mode: 'valid-rows' });
    const { json } = await sendFrom<{ json: string }>(page, 'data/backup', {});
    const file = onDisk('backup.json', json);
    await sendFrom(page, 'data/delete-all', { confirm: 'DELETE' });
    const pick = await traceLongTasks(page, async () => {
      await page.locator('input[accept=".json,application/json"]').setInputFiles(file.path);
      await page.getByRole('dialog').waitFor({ timeout: 120_000 });
    });
    const restore = await traceLongTasks(page, async () => {
      await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
      await expect.poll(() => countContacts(page), { timeout: 120_000, interval: 200 }).toBe(BACKUP_CONTACTS);
    });
    figures.restore = { bytes: file.bytes, pick: brief(pick), restore: brief(restore) };
    await page.close();
  }, 600_000);
});

describe('backup and restore from the options page, with progress and cancel', () => {
  test('a 30,000-contact backup downloads whole; a restore cancelled while running leaves every contact as before', async () => {
    const page = await options();
    await sendFrom(page, 'data/delete-all', { confirm: 'DELETE' });
    await sendFrom(page, 'data/import-csv', { text: bookCsv(BOOK), mode: 'valid-rows' });
    const job = (kind: string) => page.locator(`.job[data-job-kind="${kind}"]`);

    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Download backup' }).click();
    const saved = resolve(DIR, 'downloaded-backup.json');
    await (await download).saveAs(saved);
    await expect.poll(() => job('backup').getAttribute('data-job-state'), { timeout: 60_000 }).toBe('done');
    const backup = JSON.parse(readFileSync(saved, 'utf8')) as {
      formatVersion: number;
      counts: { contacts: number };
    };
    expect(backup.formatVersion).toBe(2);
    expect(backup.counts.contacts).toBe(BOOK);

    // The rep adds someone after the backup: a restore would remove them; a cancelled one must not.
    await sendFrom(page, 'contacts/add', {
      contact: {
        name: 'Someone Else',
        emails: ['else@acme.io'],
        phones: [],
        profiles: [],
        detectors: ['test'],
      },
    });
    const before = await readContacts(page);
    expect(before).toHaveLength(BOOK + 1);

    await page.locator('input[accept=".json,application/json"]').setInputFiles(saved);
    // Held after its check, before it writes: the cancel always lands on a running restore.
    await gate('armGate', 'restore');
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await held('restore');
    await cancelHeld(page, 'restore', 'restore');
    expect(await readContacts(page)).toEqual(before);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Restored for real this time: the backup's contacts exactly.
    await page.locator('input[accept=".json,application/json"]').setInputFiles(saved);
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => countContacts(page), { timeout: 120_000, interval: 500 }).toBe(BOOK);
    figures.cancelledRestore = {
      contacts: BOOK,
      bytes: statSync(saved).size,
    };
    await sendFrom(page, 'data/delete-all', { confirm: 'DELETE' });
    await page.close();
  }, 600_000);
});
