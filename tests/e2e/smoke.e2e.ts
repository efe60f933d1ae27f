import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from './fixtures';

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
