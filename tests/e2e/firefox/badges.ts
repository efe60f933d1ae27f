import type { Page } from 'puppeteer-core';
import { pollBadges, type BadgeInfo } from '../badges';

interface BidiNode {
  sharedId?: string;
  value?: { shadowRoot?: BidiNode | null };
}
type Send = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;

/**
 * Reads the badges inside the extension's closed shadow root through WebDriver BiDi: it
 * serialises closed shadow roots for the test driver, and a function called with that root
 * reads the buttons. Page scripts still cannot reach them (Firefox's counterpart of the CDP
 * reader in ../badges.ts).
 */
export async function readBadges(page: Page): Promise<BadgeInfo[]> {
  const { connection } = page.browser() as unknown as { connection: { send: Send } };
  const send: Send = (method, params) => connection.send(method, params);
  // Puppeteer's frame id is the BiDi browsing context id.
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await send('browsingContext.locateNodes', {
    context,
    // The host's tag is random per load; its own-element attribute is not.
    locator: { type: 'css', value: '[data-pipeline-scout]' },
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const out: BadgeInfo[] = [];
  for (const host of (result.nodes as BidiNode[]) ?? []) {
    const root = host.value?.shadowRoot?.sharedId;
    if (!root) continue;
    const called = await send('script.callFunction', {
      functionDeclaration: String((shadow: ShadowRoot) =>
        JSON.stringify(
          [...shadow.querySelectorAll('button')].flatMap((b) => {
            const r = b.getBoundingClientRect();
            // A hidden badge has no box.
            if (!r.width || !r.height) return [];
            const text = (b.textContent ?? '').trim();
            return [{ text, title: b.title, x: r.x + r.width / 2, y: r.y + r.height / 2 }];
          }),
        ),
      ),
      arguments: [{ sharedId: root }],
      target: { context },
      awaitPromise: true,
    });
    const value = (called.result as { result?: { value?: string } }).result?.value;
    if (value) out.push(...(JSON.parse(value) as BadgeInfo[]));
  }
  return out;
}

export const waitForBadges = (
  page: Page,
  predicate: (badges: BadgeInfo[]) => boolean,
  timeout?: number,
): Promise<BadgeInfo[]> => pollBadges(() => readBadges(page), predicate, timeout);
