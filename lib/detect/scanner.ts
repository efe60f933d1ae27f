import { normaliseEmail } from '../contacts/email';
import { detectContacts, detectPageLevel, type DetectOptions } from './detect';
import { pageOrganizations } from './sources/schema-org';
import { OWN_ELEMENT_ATTRIBUTE } from './dom';
import { combineContacts } from './merge';
import type { DetectedContact } from './types';

export interface ScannerOptions extends DetectOptions {
  /** Budget of one slice of work, in ms (a task stays well under the 50 ms of a long task). */
  sliceMs?: number;
  /** Yields to the page between slices. Defaults to scheduler.postTask / requestIdleCallback / setTimeout. */
  yieldToPage?: () => Promise<void>;
  now?: () => number;
  /** Subtrees with more elements than this are split into their children. */
  maxChunkElements?: number;
}

export interface ScannerStats {
  slices: number;
  longestSliceMs: number;
  chunks: number;
}

export interface Scanner {
  /** Resolves when the queued work is done. */
  idle(): Promise<void>;
  contacts(): DetectedContact[];
  stats: ScannerStats;
  /** Queues subtrees to rescan (what a MutationObserver reports). */
  rescan(nodes: Node[]): void;
  stop(): void;
}

function defaultYield(): Promise<void> {
  const g = globalThis as {
    scheduler?: { postTask?: (cb: () => void, o: object) => Promise<void> };
    requestIdleCallback?: (cb: () => void, o?: object) => void;
  };
  if (g.scheduler?.postTask) return g.scheduler.postTask(() => undefined, { priority: 'background' });
  if (g.requestIdleCallback)
    return new Promise((resolve) => g.requestIdleCallback!(() => resolve(), { timeout: 200 }));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function keyOf(c: DetectedContact): string {
  const email = c.emails.map((e) => normaliseEmail(e)?.key).find(Boolean);
  return email ? `e:${email}` : `n:${(c.name ?? '').toLowerCase()}`;
}

/**
 * Scans a document once, in slices, then only the subtrees that change. Contacts found in a
 * chunk are kept per chunk, so a rescan replaces what that chunk said before.
 */
export function createScanner(
  doc: Document,
  onContacts: (contacts: DetectedContact[]) => void,
  options: ScannerOptions = {},
): Scanner {
  const sliceMs = options.sliceMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const maxChunk = options.maxChunkElements ?? 1_500;
  const stats: ScannerStats = { slices: 0, longestSliceMs: 0, chunks: 0 };
  const queue: Element[] = [];
  const queued = new Set<Element>();
  const byChunk = new Map<Element, DetectedContact[]>();
  let pageLevel: DetectedContact[] = [];
  let stopped = false;
  let running: Promise<void> | undefined;

  const enqueue = (el: Element) => {
    if (queued.has(el) || el.closest(`[${OWN_ELEMENT_ATTRIBUTE}]`)) return;
    // A queued ancestor covers it already.
    for (let p = el.parentElement; p; p = p.parentElement) if (queued.has(p)) return;
    queued.add(el);
    queue.push(el);
  };

  /** A changed node is rescanned with its card around it, but never with a large container. */
  const contextOf = (el: Element): Element => {
    let ctx = el;
    for (let i = 0; i < 6; i++) {
      const parent = ctx.parentElement;
      if (!parent || parent === doc.body || parent.getElementsByTagName('*').length > 300) break;
      ctx = parent;
    }
    return ctx;
  };

  const split = (el: Element) => {
    if (el.children.length > 0 && el.getElementsByTagName('*').length > maxChunk) {
      for (const child of el.children) split(child);
      // Text directly inside a split container is scanned with its nearest chunk: rare on real pages.
    } else enqueue(el);
  };

  const emit = () => {
    const all: DetectedContact[] = [];
    for (const [chunk, contacts] of byChunk) {
      if (!chunk.isConnected) byChunk.delete(chunk);
      else all.push(...contacts);
    }
    const merged = new Map<string, DetectedContact>();
    for (const c of combineContacts(pageLevel, all)) {
      const key = keyOf(c);
      if (!merged.has(key)) merged.set(key, c);
    }
    onContacts([...merged.values()]);
  };

  const work = async () => {
    while (queue.length && !stopped) {
      const start = now();
      stats.slices++;
      while (queue.length && now() - start < sliceMs) {
        const el = queue.shift()!;
        queued.delete(el);
        if (!el.isConnected) continue;
        // Chunks inside the rescanned element are replaced by its new result.
        for (const chunk of byChunk.keys()) if (el !== chunk && el.contains(chunk)) byChunk.delete(chunk);
        byChunk.set(el, detectContacts(el, chunkOptions));
        stats.chunks++;
      }
      stats.longestSliceMs = Math.max(stats.longestSliceMs, now() - start);
      if (queue.length) await yieldToPage();
    }
    if (!stopped) emit();
  };

  const run = () => {
    running ??= work().finally(() => {
      running = undefined;
      if (queue.length && !stopped) run();
    });
    return running;
  };

  // Page-level sources (JSON-LD, Open Graph) need the whole document: read them once.
  pageLevel = detectPageLevel(doc, options);
  const chunkOptions = { ...options, organizations: pageOrganizations(doc) };
  if (doc.body) split(doc.body);
  void run();

  return {
    stats,
    idle: async () => {
      while (running) await running;
    },
    contacts: () => {
      const out: DetectedContact[] = [];
      for (const list of byChunk.values()) out.push(...list);
      return combineContacts(pageLevel, out);
    },
    rescan(nodes) {
      for (const node of nodes) {
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        if (el && el.isConnected) enqueue(contextOf(el));
      }
      void run();
    },
    stop() {
      stopped = true;
      queue.length = 0;
    },
  };
}

/** Rescans only what a batch of mutations touched; our own badges are ignored. */
export function observeChanges(doc: Document, scanner: Scanner, delayMs = 300): () => void {
  let pending: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      if (target?.closest(`[${OWN_ELEMENT_ATTRIBUTE}]`)) continue;
      if (r.type === 'childList') r.addedNodes.forEach((n) => pending.push(n.nodeType === 1 ? n : r.target));
      else pending.push(r.target);
    }
    if (pending.length && !timer) {
      timer = setTimeout(() => {
        timer = undefined;
        const nodes = pending;
        pending = [];
        scanner.rescan(nodes);
      }, delayMs);
    }
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
}
