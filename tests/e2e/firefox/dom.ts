import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * Finding controls the way a rep names them (a button's text, a field's label), for puppeteer
 * pages in Firefox where playwright's role locators are not available.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `find` (run in the page) to return an element. */
async function waitForElement(
  page: Page,
  what: string,
  find: (...args: string[]) => Element | null | undefined,
  ...args: string[]
): Promise<ElementHandle<Element>> {
  const start = Date.now();
  for (;;) {
    const handle = await page.evaluateHandle(find, ...args).catch(() => undefined);
    const element = handle?.asElement();
    if (element) return element as ElementHandle<Element>;
    await handle?.dispose();
    if (Date.now() - start > 10_000) throw new Error(`not found: ${what}`);
    await sleep(100);
  }
}

/** A button by its accessible name, optionally inside the first `scope` element holding `hasText`. */
export function button(page: Page, name: string, scope?: { selector: string; hasText?: string }) {
  return waitForElement(
    page,
    `button "${name}"`,
    (name, selector, hasText) => {
      const roots = selector ? [...document.querySelectorAll(selector)] : [document.body];
      const root = roots.find((r) => (r.textContent ?? '').includes(hasText));
      return [...(root?.querySelectorAll('button') ?? [])].find(
        (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name,
      );
    },
    name,
    scope?.selector ?? '',
    scope?.hasText ?? '',
  );
}

/** A form control by its label text (a wrapping or `for` label) or its aria-label. */
export function field(page: Page, label: string) {
  return waitForElement(
    page,
    `field "${label}"`,
    (label) => {
      const byAria = document.querySelector(`[aria-label="${CSS.escape(label)}"]`);
      if (byAria && byAria.matches('input,select,textarea')) return byAria;
      const own = (l: HTMLLabelElement) =>
        [...l.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.matches('input,select,textarea')))
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
      const match = [...document.querySelectorAll('label')].find((l) => own(l) === label);
      return match?.control ?? match?.querySelector('input,select,textarea');
    },
    label,
  );
}

/** The rendered text of the first element matching `selector` ('' while there is none). */
export function textOf(page: Page, selector: string): Promise<string> {
  return page
    .evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector)
    .catch(() => '');
}

/** Replaces a field's value with typed keystrokes. */
export async function fill(page: Page, label: string, value: string) {
  const input = await field(page, label);
  await input.click({ count: 3 });
  await input.type(value);
}
