import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface BadgeInfo {
  text: string;
  title: string;
  x: number;
  y: number;
  /** The border box, as a page could measure it. */
  width: number;
  height: number;
}

function attr(node: CdpNode, name: string): string | undefined {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function textOf(node: CdpNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Reads the badges inside the extension's closed shadow root through the DevTools protocol
 * (page scripts cannot see them, which is the point of a closed root).
 */
export async function readBadges(page: Page): Promise<BadgeInfo[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const buttons: CdpNode[] = [];
    const walk = (node: CdpNode, inOverlay: boolean) => {
      const here =
        inOverlay || (node.nodeName.startsWith('PS-') && attr(node, 'data-pipeline-scout') !== undefined);
      if (here && node.nodeName === 'BUTTON') buttons.push(node);
      for (const c of node.children ?? []) walk(c, here);
      for (const s of node.shadowRoots ?? []) walk(s, here);
    };
    walk(root, false);
    const out: BadgeInfo[] = [];
    for (const b of buttons) {
      try {
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: b.backendNodeId })) as {
          model: { content: number[]; border: number[] };
        };
        const [x1, y1, x2, , , y3] = model.content as [number, number, number, number, number, number];
        const [bx1, by1, bx2, , , by3] = model.border as [number, number, number, number, number, number];
        out.push({
          text: textOf(b).trim(),
          title: attr(b, 'title') ?? '',
          x: (x1 + x2) / 2,
          y: (y1 + y3) / 2,
          width: bx2 - bx1,
          height: by3 - by1,
        });
      } catch {
        // hidden badge: no box
      }
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

export async function waitForBadges(
  page: Page,
  predicate: (badges: BadgeInfo[]) => boolean,
  timeout = 15_000,
): Promise<BadgeInfo[]> {
  return pollBadges(() => readBadges(page), predicate, timeout);
}

/** Reads the badges until `predicate` holds (any browser's reader). */
export async function pollBadges(
  read: () => Promise<BadgeInfo[]>,
  predicate: (badges: BadgeInfo[]) => boolean,
  timeout = 15_000,
): Promise<BadgeInfo[]> {
  const start = Date.now();
  let last: BadgeInfo[] = [];
  while (Date.now() - start < timeout) {
    last = await read();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`badges never matched; last seen: ${JSON.stringify(last.map((b) => b.text))}`);
}
