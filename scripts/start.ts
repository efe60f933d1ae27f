/**
 * `npm start`: builds the extension (the demo variant, which may run on localhost), serves the
 * demo site and opens Chromium with both. Without a display (or with --headless) it visits the
 * demo pages, the popup and the side panel, saves screenshots to screenshots/ and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CHROMIUM_INSTALL_HINT,
  findChromium,
  findTabId,
  launchWithExtension,
  waitForRegistration,
} from './chromium';
import { serveStatic } from './static-server';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const extensionDir = resolve('.output/chrome-mv3-e2e');
const shotsDir = resolve('screenshots');

if (!findChromium()) {
  console.error(`Chromium not found. Install it (${CHROMIUM_INSTALL_HINT}) or set CHROMIUM_PATH.`);
  process.exit(2);
}

console.log('Building the extension (demo variant: localhost declared as a host)…');
const build = spawnSync('npx', ['wxt', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, PS_TEST_HOSTS: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const site = await serveStatic(resolve('demo/site'));
console.log(`Demo site: ${site.origin}/`);
const browser = await launchWithExtension({ extensionDir, headless });
console.log(`Extension loaded: ${browser.extensionId}`);
await waitForRegistration(browser);

if (!headless) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${site.origin}/`);
  console.log('Chromium is open. Close it (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.on('SIGINT', () => done());
  });
  await site.close();
  process.exit(0);
}

mkdirSync(shotsDir, { recursive: true });
const saved: string[] = [];
const shot = async (page: import('playwright-core').Page, name: string) => {
  const file = resolve(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  saved.push(file);
};

const demoPages = ['team', 'gmail', 'outlook'];
let teamTabId: number | undefined;
let gmailTabId: number | undefined;
for (const name of demoPages) {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/${name}.html`);
  // The scanner runs once the page settles; give badges a moment to appear.
  await page.waitForTimeout(1500);
  await shot(page, `demo-${name}`);
  if (name === 'team') teamTabId = await findTabId(browser, `${site.origin}/team.html`);
  if (name === 'gmail') gmailTabId = await findTabId(browser, `${site.origin}/gmail.html`);
}

const extPage = async (path: string, name: string, size: { width: number; height: number }) => {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.waitForTimeout(800);
  await shot(page, name);
};
await extPage(`popup.html${teamTabId ? `?tab=${teamTabId}` : ''}`, 'popup', { width: 400, height: 600 });
// The side panel follows the open email: the Gmail demo's sender is in front of the rep.
await extPage(`sidepanel.html${gmailTabId ? `?tab=${gmailTabId}` : ''}`, 'sidepanel', {
  width: 400,
  height: 800,
});
await extPage('options.html', 'options', { width: 1000, height: 800 });

await browser.close();
await site.close();
console.log(`Headless run: saved ${saved.length} screenshots:`);
for (const file of saved) console.log(`  ${file}`);
