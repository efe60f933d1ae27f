import { contactKey } from '../contacts/key';
import { uncheckedAnswers } from '../contacts/checks';
import { MAX_ANSWER_ROUNDS } from '../contacts/answers';
import { askAhead } from './ask-ahead';
import { guessRegion } from './region';
import { detectContacts, detectPageLevel, pageContext, type DetectOptions } from './detect';
import { createVisibility, exceeds, OWN_ELEMENT_ATTRIBUTE } from './dom';
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
  /**
   * Fetches the answers a slice lacked (the content script asks the background, see
   * lib/contacts/checks-remote.ts). Without it every answer is local and none is ever missing.
   */
  askChecks?: () => Promise<void>;
}

export interface ScannerStats {
  slices: number;
  longestSliceMs: number;
  chunks: number;
  /** Chunk reads: more than `chunks` when a chunk was read again after asking about it. */
  reads: number;
  /** Slices that waited for the background's answers. */
  asked: number;
  /** Chunks kept with answers still missing after MAX_ANSWER_ROUNDS asks (read as invalid). */
  unanswered: number;
}

export interface ScanUpdate {
  /** Every contact on the page when read (built on demand: a small change should not copy 10,000). */
  readonly all: DetectedContact[];
  /** Contacts new or changed since the last update. */
  changed: DetectedContact[];
  /** Whether this is the first update (a full picture). */
  initial: boolean;
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

function signature(c: DetectedContact): string {
  return [c.name, c.title, c.company, c.emails.join(), c.phones.join(), c.profiles.join(), c.role].join('|');
}

function anchorOf(c: DetectedContact): Element | undefined {
  return c.evidence.find((e) => e.element)?.element;
}

interface ChunkResult {
  keys: string[];
}

/**
 * Scans a document once, in slices, then only the subtrees that change. Results are kept per
 * chunk and merged per contact incrementally, so the cost of a change follows the change.
 */
export function createScanner(
  doc: Document,
  onUpdate: (update: ScanUpdate) => void,
  options: ScannerOptions = {},
): Scanner {
  const sliceMs = options.sliceMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const maxChunk = options.maxChunkElements ?? 400;
  const stats: ScannerStats = { slices: 0, longestSliceMs: 0, chunks: 0, reads: 0, asked: 0, unanswered: 0 };
  const queue: Element[] = [];
  const queued = new Set<Element>();
  const chunks = new Map<Element, ChunkResult>();
  /** Per contact key: the chunks that found it, and the merged contact. */
  const owners = new Map<string, Set<Element>>();
  const merged = new Map<string, DetectedContact>();
  const pageLevel = new Map<string, DetectedContact>();
  let changed = new Map<string, DetectedContact>();
  let initial = true;
  let stopped = false;
  let running: Promise<void> | undefined;

  const enqueue = (el: Element) => {
    if (queued.has(el) || el.closest(`[${OWN_ELEMENT_ATTRIBUTE}]`)) return;
    for (let p = el.parentElement; p; p = p.parentElement) if (queued.has(p)) return;
    queued.add(el);
    queue.push(el);
  };

  /** A changed node is rescanned with its card around it, but never with a large container. */
  const contextOf = (el: Element): Element => {
    let ctx = el;
    for (let i = 0; i < 6; i++) {
      const parent = ctx.parentElement;
      if (!parent || parent === doc.body || exceeds(parent, 300)) break;
      ctx = parent;
    }
    return ctx;
  };

  /**
   * The first scan's chunks, found in slices (a 10,000-card page is not split in one task): a
   * subtree over the limit gives way to its children, in document order.
   */
  const unsplit: Element[] = [];
  const splitSlice = () => {
    const start = now();
    while (unsplit.length && now() - start < sliceMs) {
      const el = unsplit.pop()!;
      if (el.children.length > 0 && exceeds(el, maxChunk)) {
        for (let i = el.children.length - 1; i >= 0; i--) unsplit.push(el.children[i]!);
      } else enqueue(el);
    }
  };

  /** Drops a chunk's result; contacts only it had are remembered in `previous`. */
  const forget = (chunk: Element, previous: Map<string, DetectedContact>) => {
    const result = chunks.get(chunk);
    if (!result) return;
    chunks.delete(chunk);
    for (const key of result.keys) {
      const set = owners.get(key);
      set?.delete(chunk);
      if (set && set.size === 0) {
        owners.delete(key);
        const before = merged.get(key) ?? previous.get(key);
        if (before) previous.set(key, before);
        merged.delete(key);
        changed.delete(key);
      }
    }
  };

  // Region and organisations are the page's: read once, not per chunk.
  let chunkOptions: ScannerOptions = options;
  let prepared = false;
  let prepareRounds = 0;
  let sliceOptions: ScannerOptions = options;
  /** Chunks asked about in this round, per chunk. */
  const rounds = new WeakMap<Element, number>();
  /** Chunks whose questions were asked ahead of their slice. */
  const asked = new WeakSet<Element>();

  /** With remote answers: the questions of the next chunks, in one message before their slices. */
  const askAheadOfSlices = async () => {
    if (!options.askChecks || !queue.length || asked.has(queue[0]!)) return;
    const before = uncheckedAnswers();
    const start = now();
    for (const el of queue) {
      if (now() - start >= sliceMs) break;
      if (asked.has(el)) continue;
      asked.add(el);
      askAhead(el, chunkOptions.region);
    }
    if (uncheckedAnswers() === before) return;
    stats.asked++;
    await options.askChecks();
  };

  /** Page-level sources (JSON-LD, Open Graph) describe the whole document: read them once. */
  const prepare = () => {
    const before = uncheckedAnswers();
    const context = { ...options, ...pageContext(doc, options) };
    const level = detectPageLevel(doc, context);
    if (uncheckedAnswers() !== before && options.askChecks && prepareRounds++ < MAX_ANSWER_ROUNDS) return;
    chunkOptions = context;
    for (const contact of level) {
      const key = contactKey(contact);
      pageLevel.set(key, contact);
      merged.set(key, contact);
      changed.set(key, contact);
      owners.set(key, new Set([doc.documentElement]));
    }
    prepared = true;
  };

  /** A chunk's contacts, or undefined when answers were missing (it is asked about, then read again). */
  const detectChunk = (el: Element, asking: boolean): DetectedContact[] | undefined => {
    const before = uncheckedAnswers();
    stats.reads++;
    const found = detectContacts(el, sliceOptions);
    if (!asking && uncheckedAnswers() === before) return found;
    const round = rounds.get(el) ?? 0;
    if (!options.askChecks || round >= MAX_ANSWER_ROUNDS) {
      if (uncheckedAnswers() !== before) stats.unanswered++;
      return asking ? undefined : found;
    }
    rounds.set(el, round + 1);
    return undefined;
  };

  const scanChunk = (el: Element, found: DetectedContact[]) => {
    // Results of chunks inside this element are replaced by its new result.
    const previous = new Map<string, DetectedContact>();
    const inner = el.getElementsByTagName('*');
    if (inner.length <= chunks.size) {
      for (const child of inner) if (chunks.has(child)) forget(child, previous);
    } else {
      for (const chunk of [...chunks.keys()]) if (chunk !== el && el.contains(chunk)) forget(chunk, previous);
    }
    forget(el, previous);
    rounds.delete(el);
    const keys: string[] = [];
    for (const contact of found) {
      const key = contactKey(contact);
      keys.push(key);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(el);
      const page = pageLevel.get(key);
      // Page-level sources (JSON-LD) are stronger: they decide, the page fills gaps.
      const value = page ? combineContacts([page], [contact])[0]! : contact;
      const before = merged.get(key) ?? previous.get(key);
      merged.set(key, value);
      // Re-finding the same person unchanged is not news; a moved element still needs its badge.
      if (!before || signature(before) !== signature(value) || anchorOf(before) !== anchorOf(value))
        changed.set(key, value);
    }
    chunks.set(el, { keys });
    stats.chunks++;
  };

  const emit = () => {
    const update: ScanUpdate = {
      get all() {
        return [...merged.values()];
      },
      changed: [...changed.values()],
      initial,
    };
    initial = false;
    changed = new Map();
    onUpdate(update);
  };

  const work = async () => {
    // Nothing runs in the caller's task: the page-level read and the split each get their own.
    await yieldToPage();
    if (!prepared && !stopped && options.askChecks) {
      // The page's own domain (its region's first question) is asked before the first read,
      // which then seldom runs twice.
      guessRegion(options.url);
      await options.askChecks();
    }
    if (!prepared && !stopped) prepare();
    while (!prepared && !stopped) {
      await options.askChecks!();
      prepare();
    }
    while (unsplit.length && !stopped) {
      await yieldToPage();
      splitSlice();
    }
    while (queue.length && !stopped) {
      await askAheadOfSlices();
      if (stopped) break;
      const start = now();
      stats.slices++;
      // Once a chunk lacks answers, the rest of the slice only collects its questions: chunks
      // are applied in queue order, so the page's contacts come out as without asking.
      const retry: Element[] = [];
      // One slice sees one page: its chunks share what is visible (their ancestors above all).
      sliceOptions = { ...chunkOptions, visibility: createVisibility(options.useLayout ?? false) };
      for (let read = 0; queue.length && now() - start < sliceMs; read++) {
        // With remote answers, a chunk not asked about ahead ends the slice: its questions are
        // asked first (read now, it and the rest of the slice would be read twice).
        if (read && options.askChecks && !asked.has(queue[0]!)) break;
        const el = queue.shift()!;
        queued.delete(el);
        if (!el.isConnected) continue;
        const found = detectChunk(el, retry.length > 0);
        if (found) scanChunk(el, found);
        else retry.push(el);
      }
      stats.longestSliceMs = Math.max(stats.longestSliceMs, now() - start);
      if (retry.length) {
        // One batched question per slice; waiting for the answer yields to the page too.
        stats.asked++;
        await options.askChecks!();
        for (const el of retry.reverse())
          if (!queued.has(el)) {
            queued.add(el);
            queue.unshift(el);
          }
      } else if (queue.length) await yieldToPage();
    }
    if (!stopped) emit();
  };

  const run = () => {
    running ??= work().finally(() => {
      running = undefined;
      if (queue.length && !stopped) void run();
    });
    return running;
  };

  if (doc.body) unsplit.push(doc.body);
  void run();

  return {
    stats,
    idle: async () => {
      while (running) await running;
    },
    contacts: () => [...merged.values()],
    rescan(nodes) {
      for (const node of nodes) {
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        // While the first split runs, a change waits for the split's end: it is read with what is
        // already queued around it, not ahead of the top of the page.
        if (!el?.isConnected) continue;
        if (unsplit.length) unsplit.unshift(contextOf(el));
        else enqueue(contextOf(el));
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
