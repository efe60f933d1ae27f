import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULTS_DIR, startRig, type Rig } from './fixtures';
import { waitForBadges } from './badges';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.close());

test('the service worker runs and answers', async () => {
  expect(rig.browser.extensionId).toMatch(/^[a-p]{32}$/);
});

test('popup, side panel and options pages render', async () => {
  for (const page of ['popup.html', 'sidepanel.html', 'options.html']) {
    const tab = await rig.browser.context.newPage();
    await tab.goto(rig.extensionUrl(page));
    await expect.poll(() => tab.locator('#app').innerText()).not.toBe('');
    await tab.close();
  }
});

test('the content script runs on a localhost page', async () => {
  const tab = await rig.browser.context.newPage();
  await tab.goto(`${rig.site.origin}/team.html`);
  await expect
    .poll(() => tab.evaluate(() => document.documentElement.dataset.pipelineScoutTest), { timeout: 10_000 })
    .toBe('ready');
  await tab.close();
});

test('a page without people gets only the probe; a person rendered later loads the scanner', async () => {
  mkdirSync(FAULTS_DIR, { recursive: true });
  writeFileSync(
    join(FAULTS_DIR, 'quiet.html'),
    `<!doctype html><html lang="en"><head><title>Release notes</title>
<style>@media print { body { color: black } } @import url(print.css);</style></head>
<body><h1>Release notes</h1><p>Version 2.4 shipped in 2026 with 30 fixes and 1000 tests.</p></body></html>`,
  );
  const tab = await rig.browser.context.newPage();
  await tab.goto(`${rig.site.origin}/faults/quiet.html`);
  const marks = () =>
    tab.evaluate(() => ({
      probe: document.documentElement.dataset.pipelineScoutProbe,
      scanner: document.documentElement.dataset.pipelineScoutTest,
    }));
  await expect.poll(async () => (await marks()).probe, { timeout: 10_000 }).toBe('watching');
  await tab.waitForTimeout(500);
  expect((await marks()).scanner).toBeUndefined();

  // A single-page app renders a team card later: the probe sees it and the scanner comes.
  await tab.evaluate(() => {
    const card = document.createElement('div');
    const name = document.createElement('h3');
    name.textContent = 'Jane Doe';
    const link = document.createElement('a');
    link.href = 'mailto:jane.doe@acme-industrie.de';
    link.textContent = 'Mail';
    card.append(name, link);
    document.body.append(card);
  });
  await expect.poll(marks, { timeout: 10_000 }).toEqual({ probe: 'found', scanner: 'ready' });
  await waitForBadges(tab, (b) => b.length === 1);
  await tab.close();
});
