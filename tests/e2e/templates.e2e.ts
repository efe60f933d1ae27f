import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { findTabId } from '../../scripts/chromium';
import { startRig, type Rig } from './fixtures';
import { readStore as readStoreOf, sendFrom } from './db';

/**
 * Issue #19 in Chromium: templates from the compose button of Gmail- and Outlook-like compose
 * windows (the needs questionnaire filled for the recipient's deal; a hostile template stays
 * text), then the prospect's inline answers read from the reply, accepted one by one in the
 * sidebar, and the deal advanced from "Discover needs" to "Scope".
 */
let rig: Rig;
let control: Page;
beforeAll(async () => {
  rig = await startRig({ userDataDir: mkdtempSync(join(tmpdir(), 'pipeline-scout-templates-')) });
  control = await rig.browser.context.newPage();
  await control.goto(rig.extensionUrl('options.html'));
});
afterAll(async () => rig?.close());

interface StoredDeal {
  id: string;
  step: string;
  version: number;
  needs: { stated: string[]; unstated: string[] };
}
interface StoredThread {
  id: string;
  dealId?: string;
  answers?: { state: string }[];
}

const readStore = <T>(name: string) => readStoreOf<T>(rig, name);

/** The activities logged for sent templates (their text is the template's name). */
const templateActivities = async () =>
  (await readStore<{ messageId?: string; text: string }>('activities'))
    .filter((a) => a.messageId?.startsWith('template:'))
    .map((a) => a.text);

const ANNA = { name: 'Anna Berg', company: 'Nordwerk', email: 'anna.berg@nordwerk-gmbh.de' };

/** A contact with a deal in "Discover needs": fit confirmed, first e-mail logged, advanced twice. */
async function inDiscovery(
  person: { name: string; company: string; email: string } = ANNA,
  title = 'Production planning',
): Promise<StoredDeal> {
  const { contact } = await sendFrom<{ contact: { id: string } }>(control, 'contacts/add', {
    contact: {
      name: person.name,
      company: person.company,
      emails: [person.email],
      phones: [],
      profiles: [],
      detectors: ['card'],
    },
  });
  let { deal } = await sendFrom<{ deal: StoredDeal }>(control, 'deals/start', {
    contactId: contact.id,
    title,
  });
  deal = await sendFrom(control, 'deals/fact', {
    dealId: deal.id,
    expectedVersion: deal.version,
    fact: { kind: 'fit-confirmed' },
  });
  deal = await sendFrom(control, 'deals/transition', {
    dealId: deal.id,
    expectedVersion: deal.version,
    action: 'advance',
  });
  const { deal: logged } = await sendFrom<{ deal: StoredDeal }>(control, 'activities/add', {
    contactId: contact.id,
    dealId: deal.id,
    kind: 'email',
    text: 'Intro',
  });
  deal = await sendFrom(control, 'deals/transition', {
    dealId: deal.id,
    expectedVersion: logged.version,
    action: 'advance',
  });
  expect(deal.step).toBe('discover');
  return deal;
}

/** The content script's compose list is open once focus moved into its (closed) shadow host. */
async function openTemplateList(page: Page, editor: string) {
  await page.click(editor);
  await page.keyboard.press('Alt+Shift+KeyT');
  await page.waitForFunction(() => /^PS-/.test(document.activeElement?.tagName ?? ''));
}

async function openCompose(file: string) {
  const page = await rig.browser.context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => (problems.push(`dialog: ${d.message()}`), void d.dismiss()));
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  await page.goto(`${rig.site.origin}/${file}`);
  await page.waitForFunction(() => document.documentElement.dataset.pipelineScoutTest === 'ready');
  return { page, problems };
}

const editorText = (page: Page, editor: string) => page.locator(editor).innerText();

/**
 * Opens a reply fixture; once its answers are offered on the deal's thread, opens the sidebar for
 * that tab and accepts them one by one ("Accept as need"), each time waiting for the stored need,
 * the offer gone and the sidebar showing the deal just written. Ends with the needs as expected.
 */
async function acceptOfferedAnswers(file: string, dealId: string, expected: string[]) {
  const url = `${rig.site.origin}/${file}`;
  const mail = await rig.browser.context.newPage();
  await mail.goto(url);
  const tabId = (await findTabId(rig.browser, url))!;
  const offered = async () =>
    (await readStore<StoredThread>('threads'))
      .find((t) => t.dealId === dealId)
      ?.answers?.filter((a) => a.state === 'offered').length;
  await expect.poll(offered).toBe(expected.length);
  const sidebar = await rig.browser.context.newPage();
  await sidebar.setViewportSize({ width: 420, height: 1200 });
  await sidebar.goto(rig.extensionUrl(`sidepanel.html?tab=${tabId}`));
  const needs = async () => (await readStore<StoredDeal>('deals')).find((d) => d.id === dealId)!.needs.stated;
  const accept = sidebar.getByRole('button', { name: 'Accept as need' });
  for (let i = 0; i < expected.length; i++) {
    await accept.first().click();
    await expect.poll(needs).toHaveLength(i + 1);
    await expect.poll(offered).toBe(expected.length - i - 1);
    // The sidebar shows the deal just written (its version) before the next click.
    await sidebar.getByText(expected[i]!, { exact: true }).waitFor();
    await expect.poll(() => accept.count()).toBe(expected.length - i - 1);
  }
  expect(await needs()).toEqual(expected);
  return { mail, sidebar };
}

describe('compose templates and the needs questionnaire', () => {
  test('Gmail compose: the questionnaire for the recipient’s deal goes in at the caret as text', async () => {
    await inDiscovery();
    const { page, problems } = await openCompose('gmail-compose.html');
    const editor = 'div[aria-label="Message Body"]';
    await openTemplateList(page, editor);
    // The deal is in "Discover needs": its questionnaire comes first.
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page, editor)).toContain('1. How do you handle this today');
    const text = await editorText(page, editor);
    expect(text).toMatch(/^Hello Anna,/);
    expect(text).toContain('fits Nordwerk');
    expect(text).toMatch(/8\. Is there anything else/);
    expect(await page.locator(`${editor} *:not(div):not(br)`).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
      [],
    );

    // Sent: the step's activity is logged once, however often Send is pressed.
    await page.click('div[role="button"][aria-label^="Send"]');
    await page.waitForFunction(() => document.documentElement.dataset.pipelineScoutSent === '1');
    expect(await templateActivities()).toEqual(['Needs questionnaire']);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('Outlook compose: a hostile template inserts as inert text; the questionnaire goes in too', async () => {
    const library = await sendFrom<{ templates: unknown[]; questionSets: unknown[] }>(
      control,
      'templates/get',
      {},
    );
    const hostile = {
      id: 'hostile',
      kind: 'questionnaire',
      step: 'discover',
      locale: 'en',
      name: '<img src=x onerror="window.__pwned=1">Evil',
      body: 'Hi {firstName} <img src=x onerror="window.__pwned=1"><a href="javascript:window.__pwned=2">click</a><script>window.__pwned=3</script>',
    };
    await sendFrom(control, 'templates/save', {
      library: { ...library, templates: [hostile, ...library.templates] },
    });
    const { page, problems } = await openCompose('outlook-compose.html');
    const editor = 'div[aria-label="Message body"]';
    await openTemplateList(page, editor);
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page, editor)).toContain('javascript:window.__pwned=2');
    expect(await editorText(page, editor)).toContain(
      'Hi Anna <img src=x onerror="window.__pwned=1"><a href="javascript:window.__pwned=2">click</a><script>window.__pwned=3</script>',
    );
    expect(await page.locator(`${editor} img, ${editor} a, ${editor} script`).count()).toBe(0);
    expect(await page.locator('img, script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await openTemplateList(page, editor);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page, editor)).toContain('1. How do you handle this today');
    // Sent with Ctrl+Enter: both inserted templates are questionnaires of this step, already logged
    // from Gmail: "Needs questionnaire" stays logged once.
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.documentElement.dataset.pipelineScoutSent === '2');
    expect(await templateActivities()).toEqual(['Needs questionnaire']);
    expect(problems).toEqual([]);
    await page.close();
    await sendFrom(control, 'templates/save', { library });
  });

  test('the list holds both languages, the rep’s first: the last entry is the German group’s last template', async () => {
    const { page, problems } = await openCompose('gmail-compose.html');
    const editor = 'div[aria-label="Message Body"]';
    await openTemplateList(page, editor);
    // From the first entry (the English questionnaire), up wraps to the last one: the deal is in
    // "Discover needs", so the German group ends with the earlier step's "Erstkontakt".
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page, editor)).toContain('ich melde mich, weil Teams wie Nordwerk');
    expect(await editorText(page, editor)).toMatch(/^Guten Tag Anna,/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the reply’s inline answers are offered in the sidebar, accepted one by one, and the deal moves to Scope', async () => {
    const deal = (await readStore<StoredDeal>('deals'))[0]!;
    const { mail, sidebar } = await acceptOfferedAnswers('gmail-reply.html', deal.id, [
      'How do you handle this today? — We plan production in spreadsheets.',
      'What is the main problem you want to solve? — Rush orders break the plan every week.',
      'Who is involved in the decision? — Our plant manager and me.',
    ]);
    await sidebar.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(async () => (await readStore<StoredDeal>('deals'))[0]!.step).toBe('scope');
    await sidebar.close();
    await mail.close();
  });

  test('an Outlook on the web reply: the answers typed between the copied questions are offered and accepted', async () => {
    const deal = await inDiscovery(
      { name: 'Jonas Keller', company: 'Keller Logistik', email: 'jonas.keller@keller-logistik.de' },
      'Dock scheduling',
    );
    const { mail, sidebar } = await acceptOfferedAnswers('outlook-reply.html', deal.id, [
      'How do you handle this today? — Dock slots are booked by phone and on a whiteboard.',
      'What is the main problem you want to solve? — Trucks wait up to two hours at the gate.',
      'What budget have you planned? — About 30,000 EUR this year.',
    ]);
    await sidebar.close();
    await mail.close();
  });
});
