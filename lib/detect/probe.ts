/**
 * A cheap first look at a page: could the full scan find anyone here? It must never say no where
 * the scan would find a contact (tests hold it to that over every fixture and corpus page), and
 * may say yes too often: a yes only costs loading the scanner. It imports only the scan's own
 * markers (no validation libraries), so the probe that runs on every granted page stays small.
 */
import { exceeds } from './dom';
import {
  AT_MARKER,
  DIGIT_RUN,
  LABELLED_PHONE,
  PHONE_LABEL,
  PREFIXED_PHONE,
  SPELLED_MARKER,
} from '../text/markers';
import { readPersonLine } from '../text/person-line';
import { jobTitleScore } from '../text/job-title';

/** Markup the scan's sources read: contact links, h-cards, schema.org items, profile pages. */
const MARKUP = [
  'a[href^="mailto:" i]',
  'a[href^="tel:" i]',
  '.h-card',
  '.vcard',
  '[itemscope]',
  '[typeof]',
  'script[type="application/ld+json" i]',
  'meta[property="og:type"][content="profile" i]',
  'a[href*="linkedin.com/in/" i]',
  'a[href*="xing.com/profile/" i]',
  'a[href*="twitter.com/" i]',
  'a[href*="x.com/" i]',
  'a[href*="github.com/" i]',
  'a[href*="bsky.app/profile/" i]',
  'a[href*="mastodon.social/@" i]',
].join(', ');

/** Whether one text could hold an address or a phone for the scan. Cheap tests first. */
export function textSignal(value: string): boolean {
  if (value.includes('@') || AT_MARKER.test(value)) return true;
  if (value.includes(' dot ') && SPELLED_MARKER.test(value)) return true;
  // Most prose has no phone-shaped run, so the phone patterns rarely run.
  if (DIGIT_RUN.test(value) && (PREFIXED_PHONE.test(value) || LABELLED_PHONE.test(value))) return true;
  // A label ending the text: the number sits in the next element, where the scan looks back.
  if (PHONE_LABEL.test(value.slice(-40))) return true;
  return personSignal(value);
}

/** A number alone in its element ("040 3344 5510", "(303) 555-0147", "Ext. 201"). */
const LONE_NUMBER =
  /^\s*(?:[^\d\s]{0,12}\s*)?\+?\(?\d[\d\s./()\u2010-\u2015-]{5,}\d\s*$|\b(?:ext|durchwahl|dw)\.?\s*[:.]?\s*\d/i;

/**
 * What the people detector builds on: a job title, a name with a known given name (or an
 * honorific), a "Title – Name" line, a number standing alone. Short texts only.
 */
function personSignal(value: string): boolean {
  const text = value.trim();
  if (text.length < 3 || text.length > 160) return false;
  if (LONE_NUMBER.test(text)) return true;
  if (!/\p{Lu}/u.test(text)) return false;
  const read = readPersonLine(text);
  return (!!read && (!!read.title || read.score >= 0.85)) || jobTitleScore(text) > 0;
}

/** Text that is code or styling, never read by the scan (and full of `@media`, `@import`). */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

function textSignals(root: Node): boolean {
  if (root.nodeType === 3) return textSignal(root.nodeValue ?? '');
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue;
    if (!value || NOT_TEXT.has(node.parentElement?.localName ?? '')) continue;
    if (textSignal(value)) return true;
  }
  return false;
}

/** Whether a page (or a part added to it) holds anything the full scan could turn into a contact. */
export function hasContactSignals(root: Node): boolean {
  if (root.nodeType === 1 || root.nodeType === 9 || root.nodeType === 11) {
    const parent = root as ParentNode & Node;
    if ((root as Element).matches?.(MARKUP) || parent.querySelector(MARKUP)) return true;
  }
  return textSignals(root);
}

/**
 * Calls `onFound` once, as soon as the page holds a contact signal: at once if it does already,
 * else when a change brings one (single-page apps render their people late). Changes are looked
 * at in batches; a change in a small element is read with its whole element, so text split
 * across nodes by the change still counts. Returns a function that stops watching.
 */
export function watchForContactSignals(doc: Document, onFound: () => void, delayMs = 200): () => void {
  if (hasContactSignals(doc.body ?? doc.documentElement)) {
    onFound();
    return () => undefined;
  }
  let pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    const nodes = pending;
    pending = new Set();
    for (const node of nodes) {
      if (node.isConnected && hasContactSignals(node)) {
        stop();
        onFound();
        return;
      }
    }
  };
  const observer = new MutationObserver((records) => {
    // A busy page sends many records for the same parent: size each parent once per batch.
    const isSmall = new Map<Node, boolean>();
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        pending.add(target);
        continue;
      }
      let whole = isSmall.get(target);
      if (whole === undefined)
        isSmall.set(target, (whole = target.nodeType === 1 && !exceeds(target as Element, 200)));
      if (whole) pending.add(target);
      else for (const node of record.addedNodes) pending.add(node);
    }
    timer ??= setTimeout(check, delayMs);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const stop = () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
  return stop;
}
