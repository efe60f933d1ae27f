import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCouch, startOutageProxy, type CouchServer, type Outage } from '../../lib/sync/test-server';
import type { MessageType, RequestOf, ResponseOf } from '../../lib/messages';
import { seedServer, teamRecords } from '../../lib/sync/test-kit';
import { startRig, type Rig } from './fixtures';

/**
 * Two browser profiles (two reps) and a real CouchDB-protocol server on loopback: a contact
 * and a deal advance travel both ways through the extension's own sync.
 */
let couch: CouchServer;
/** Both reps reach the server through this: it can take the server away from them and back. */
let proxy: Outage;
const reps: { rig: Rig; page: Page }[] = [];

async function send<T extends MessageType>(
  page: Page,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), { type, payload } as {
    type: string;
    payload: unknown;
  })) as { ok: boolean; data?: unknown; error?: { message: string } };
  if (!reply.ok) throw new Error(`${type}: ${reply.error?.message}`);
  return reply.data as ResponseOf<T>;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

beforeAll(async () => {
  couch = await startCouch();
  await couch.createDb('team');
  proxy = await startOutageProxy(couch.port);
  for (const name of ['anna', 'ben']) {
    const rig = await startRig({ userDataDir: mkdtempSync(join(tmpdir(), `pipeline-scout-sync-${name}-`)) });
    const page = await rig.browser.context.newPage();
    await page.goto(rig.extensionUrl('options.html'));
    await page.getByRole('heading', { name: 'Team sync' }).waitFor();
    reps.push({ rig, page });
  }
});
afterAll(async () => {
  for (const { rig } of reps) await rig.close();
  await proxy?.close();
  await couch?.stop();
});

describe('team sync between two browser profiles', () => {
  test('a rep connects from the options page; the other by message; both are live', async () => {
    const [anna, ben] = reps as [(typeof reps)[0], (typeof reps)[0]];
    const section = anna.page.locator('section[aria-labelledby="sync-title"]');
    await section.getByLabel('Server URL').fill(proxy.url);
    await section.getByLabel('Database').fill('team');
    await section.getByLabel('Sign-in').selectOption('none');
    await section.getByLabel('Your name on the deals you own').fill('anna');
    await section.getByRole('button', { name: 'Save and connect' }).click();
    await expect
      .poll(() => section.getAttribute('data-sync-state'), { timeout: 20_000 })
      .toMatch(/live|idle/);
    await send(ben.page, 'sync/save', { url: proxy.url, database: 'team', auth: 'none', rep: 'ben' });
    await expect
      .poll(async () => (await send(ben.page, 'sync/status', {})).state, { timeout: 20_000 })
      .toMatch(/live|idle/);
  });

  test("a new contact and deal go from Anna to Ben; Ben advances the deal and Anna sees it; Ben's new contact reaches Anna", async () => {
    const [anna, ben] = reps as [(typeof reps)[0], (typeof reps)[0]];
    const { contact } = await send(anna.page, 'contacts/add', {
      contact: {
        name: 'Jane Roe',
        emails: ['jane@acme.io'],
        phones: [],
        profiles: [],
        detectors: ['manual'],
        company: 'Acme',
      },
    });
    const { deal } = await send(anna.page, 'deals/start', { contactId: contact.id, title: 'Conveyors' });
    expect(deal.owner).toBe('anna');

    // Live replication brings them to Ben without any click.
    await expect
      .poll(
        async () =>
          (await send(ben.page, 'contacts/get', { id: contact.id }).catch(() => undefined))?.deals.length,
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    const onBen = await send(ben.page, 'contacts/get', { id: contact.id });
    expect(onBen.contact.name).toBe('Jane Roe');
    expect(onBen.deals[0]?.deal).toMatchObject({ id: deal.id, owner: 'anna' });

    const { deal: called } = await send(ben.page, 'activities/add', {
      contactId: contact.id,
      dealId: deal.id,
      kind: 'call',
      text: 'Intro call',
    });
    const moved = await send(ben.page, 'deals/transition', {
      dealId: deal.id,
      expectedVersion: called!.version,
      action: 'advance',
      note: 'Fit confirmed on the call',
    });
    expect(moved.step).not.toBe(deal.step);
    await expect
      .poll(async () => (await send(anna.page, 'contacts/get', { id: contact.id })).deals[0]?.deal.step, {
        timeout: 30_000,
      })
      .toBe(moved.step);
    const onAnna = await send(anna.page, 'contacts/get', { id: contact.id });
    expect(onAnna.activities.map((a) => a.text)).toEqual(['Intro call']);
    // And the other way: a person Ben saves reaches Anna.
    const { contact: bens } = await send(ben.page, 'contacts/add', {
      contact: {
        name: 'Lars Holm',
        emails: ['lars@holm.dk'],
        phones: [],
        profiles: [],
        detectors: ['manual'],
      },
    });
    await expect
      .poll(
        async () =>
          (await send(anna.page, 'contacts/get', { id: bens.id }).catch(() => undefined))?.contact.name,
        {
          timeout: 30_000,
        },
      )
      .toBe('Lars Holm');
    // "Sync now" reports a last sync and nothing pending once both are in step.
    const status = await send(anna.page, 'sync/now', {});
    expect(status).toMatchObject({ configured: true, pending: 0, conflicts: 0 });
    expect(status.lastSyncAt).toBeGreaterThan(0);
  });

  test('one deal changed on both machines apart: the sidebar shows both versions on each, a merge resolves it everywhere', async () => {
    const [anna, ben] = reps as [(typeof reps)[0], (typeof reps)[0]];
    const { contact } = await send(anna.page, 'contacts/add', {
      contact: {
        name: 'Max Muster',
        emails: ['max@muster.de'],
        phones: [],
        profiles: [],
        detectors: ['manual'],
      },
    });
    const { deal } = await send(anna.page, 'deals/start', { contactId: contact.id, title: 'Line 2' });
    /** "Sync now" on each side, then the conflicts each one reports. */
    const syncedConflicts = async () => {
      for (const rep of [anna, ben]) await send(rep.page, 'sync/now', {});
      return Promise.all([anna, ben].map(async (rep) => (await send(rep.page, 'sync/status', {})).conflicts));
    };
    const dealOn = async (page: Page) =>
      (await send(page, 'contacts/get', { id: contact.id }).catch(() => undefined))?.deals[0]?.deal;
    await expect.poll(async () => (await dealOn(ben.page))?.version, { timeout: 30_000 }).toBe(deal.version);

    // The server goes away; each rep plans a different next step on the same version.
    await proxy.cut();
    const due = Date.UTC(2027, 0, 4, 9);
    await send(anna.page, 'deals/schedule', {
      dealId: deal.id,
      expectedVersion: deal.version,
      nextAction: { text: 'Call Max', due },
    });
    await send(ben.page, 'deals/schedule', {
      dealId: deal.id,
      expectedVersion: deal.version,
      nextAction: { text: 'Mail Max', due: due + 3_600_000 },
    });
    await proxy.restore();
    // Back online ("sync now" on each side rather than waiting out live's back-off): CouchDB's
    // revisions make it a conflict on both machines.
    await expect.poll(syncedConflicts, { timeout: 60_000, interval: 1_000 }).toEqual([1, 1]);

    // Anna's sidebar: both versions side by side; she merges them.
    const sidebar = await anna.rig.browser.context.newPage();
    await sidebar.setViewportSize({ width: 420, height: 900 });
    await sidebar.goto(anna.rig.extensionUrl('sidepanel.html'));
    await sidebar.getByRole('searchbox', { name: 'Search contacts' }).fill('max muster');
    await sidebar.getByRole('listbox').getByRole('button').filter({ hasText: 'Max Muster' }).first().click();
    const conflict = sidebar.getByRole('region', { name: 'This deal was changed on two machines' });
    await expect.poll(() => conflict.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    expect(await conflict.innerText()).toMatch(/Call Max[\s\S]*Mail Max|Mail Max[\s\S]*Call Max/);
    await conflict.getByRole('button', { name: 'Merge both' }).click();

    // Resolved on both machines, to the same version.
    await expect.poll(syncedConflicts, { timeout: 60_000, interval: 1_000 }).toEqual([0, 0]);
    const [onAnna, onBen] = [await dealOn(anna.page), await dealOn(ben.page)];
    expect(onAnna!.version).toBeGreaterThan(deal.version + 1);
    expect(onBen).toMatchObject({ version: onAnna!.version, nextAction: onAnna!.nextAction });
    expect(['Call Max', 'Mail Max']).toContain(onAnna!.nextAction?.text);
    await expect.poll(() => conflict.count(), { timeout: 20_000 }).toBe(0);
    await sidebar.close();
  });
});

describe('a first team sync a rep watches and stops', () => {
  test('joining a team of 6,000 records: progress on the options page, Stop pauses with a whole store, Sync now completes', async () => {
    // 3,000 contacts, 1,500 deals with a note each, already on the server.
    await couch.createDb('bigteam');
    await seedServer(couch.url, 'bigteam', teamRecords('big', 3_000, 1_500));
    const rig = await startRig({ userDataDir: mkdtempSync(join(tmpdir(), 'pipeline-scout-sync-cara-')) });
    try {
      const page = await rig.browser.context.newPage();
      await page.goto(rig.extensionUrl('options.html'));
      const section = page.locator('section[aria-labelledby="sync-title"]');
      await section.getByLabel('Server URL').fill(couch.url);
      await section.getByLabel('Database').fill('bigteam');
      await section.getByLabel('Sign-in').selectOption('none');
      await section.getByLabel('Your name on the deals you own').fill('cara');
      await section.getByRole('button', { name: 'Save and connect' }).click();

      // The first sync shows as a job whose bar moves: documents arrive and are counted.
      const job = page.locator('[data-job-kind="sync"]');
      const bar = job.locator('progress');
      const figures = async () =>
        (await bar.count()) ? await bar.evaluate((p: HTMLProgressElement) => [p.value, p.max]) : [0, 0];
      await expect
        .poll(async () => (([value, max]) => value! > 0 && max! >= 6_000)(await figures()), {
          timeout: 60_000,
          interval: 100,
        })
        .toBe(true);
      // The rep's own fit profile goes out too: 6,000 documents in, 1 out.
      expect(await job.getByRole('status').innerText()).toMatch(/ \/ 6,00[01] documents \(.* from the team/);

      // Stop: the round ends as paused, and nothing more arrives.
      await job.getByRole('button', { name: 'Stop syncing now' }).click();
      await expect.poll(() => job.getAttribute('data-job-state'), { timeout: 30_000 }).toBe('cancelled');
      await expect.poll(() => section.locator('[data-sync-paused]').count(), { timeout: 10_000 }).toBe(1);
      expect(await send(page, 'sync/status', {})).toMatchObject({ paused: true, state: 'idle' });
      const contacts = async () => (await send(page, 'data/export-csv', {})).count;
      const atStop = await contacts();
      expect(atStop).toBeLessThan(3_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await contacts()).toBe(atStop);

      // "Sync now" carries on from the checkpoint: every record once.
      await section.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(contacts, { timeout: 120_000, interval: 500 }).toBe(3_000);
      await expect
        .poll(async () => (await send(page, 'sync/status', {})).paused ?? false, { timeout: 30_000 })
        .toBe(false);
      expect(await contacts()).toBe(3_000);
    } finally {
      await rig.close();
    }
  });
});
