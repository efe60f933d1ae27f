import type { AnchorHealth } from './types';

/** A named place in a webmail page: selectors tried in order, attributes and ARIA first. */
export interface Anchor {
  name: string;
  selectors: readonly string[];
}

export function createHealth(): AnchorHealth {
  return {};
}

/** Counts a named fact of the page that no selector table finds (the owner, the ids). */
export function count(health: AnchorHealth | undefined, name: string, found: boolean) {
  if (!health) return;
  const entry = (health[name] ??= { found: 0, missing: 0 });
  if (found) entry.found++;
  else entry.missing++;
}

/** The first selector of the anchor that matches anything decides; a miss is counted, never thrown. */
export function queryAll(root: ParentNode, anchor: Anchor, health?: AnchorHealth): Element[] {
  for (const selector of anchor.selectors) {
    let found: Element[];
    try {
      found = [...root.querySelectorAll(selector)];
    } catch {
      continue;
    }
    if (found.length) {
      count(health, anchor.name, true);
      return found;
    }
  }
  count(health, anchor.name, false);
  return [];
}

export function queryOne(root: ParentNode, anchor: Anchor, health?: AnchorHealth): Element | undefined {
  for (const selector of anchor.selectors) {
    let found: Element | null;
    try {
      found = root.querySelector(selector);
    } catch {
      continue;
    }
    if (found) {
      count(health, anchor.name, true);
      return found;
    }
  }
  count(health, anchor.name, false);
  return undefined;
}

/** "Jane Doe <jane@acme.io>", "jane@acme.io", "Doe, Jane (jane@acme.io)" → participant. */
export function parseAddress(text: string): { name?: string; email: string } | undefined {
  const m = /^\s*"?([^"<(]*?)"?\s*[<(]\s*([^\s<>()]+@[^\s<>()]+)\s*[>)]\s*$/.exec(text);
  if (m) return { name: m[1]!.trim() || undefined, email: m[2]! };
  const bare = /([^\s<>(),;:]+@[^\s<>(),;:]+\.[^\s<>(),;:]+)/.exec(text);
  return bare ? { email: bare[1]! } : undefined;
}
