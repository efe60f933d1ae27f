import { cleanText } from '../text/clean';
import type { Visibility } from './dom';

/** One visual line of a page: text between block boundaries or `<br>`s. */
export interface PageLine {
  text: string;
  /** The element the line starts in: its block, or the layout box (a span in a card) it fills. */
  container: Element;
  /** Links inside the line (mailto:, tel:, profiles, a bio page). */
  links: Element[];
}

const BLOCK = new Set(
  `address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6
  header hr li main ol p section table tbody thead tfoot td th tr ul caption details summary img picture button`
    .split(/\s+/)
    .filter(Boolean),
);

/** Navigation holds menus, not people. */
const SKIP = new Set(['nav', 'menu']);

const MAX_LINE = 400;

/** Any character but white space (what `trim()` keeps), found without copying the text. */
const NOT_BLANK = /\S/;

function hasOwnText(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 && NOT_BLANK.test(child.nodeValue ?? '')) return true;
  return false;
}

/**
 * The visible lines under `root`, in document order. Inline elements join the text around them
 * ("contact <a>Ann Porter</a> at …" is one line); inline elements laid out as boxes — children
 * of an element that has no text of its own, like the spans of a card — are lines of their own.
 * One pass over the tree.
 */
export function pageLines(root: Element, visibility: Visibility, maxLines = 20_000): PageLine[] {
  const lines: PageLine[] = [];
  let text = '';
  let container: Element | undefined;
  let links: Element[] = [];
  const flush = () => {
    const clean = cleanText(text, MAX_LINE);
    if (clean && container) lines.push({ text: clean, container, links });
    // A link without text (a mail icon) belongs to the line before it.
    else if (links.length && lines.length) lines.at(-1)!.links.push(...links);
    text = '';
    container = undefined;
    links = [];
  };
  const visit = (el: Element, boxed: boolean) => {
    if (lines.length >= maxLines) return;
    const tag = el.localName;
    if (SKIP.has(tag) || el.getAttribute('role') === 'navigation' || visibility.excluded(el)) return;
    const breaks = boxed || BLOCK.has(tag);
    if (breaks) flush();
    if (tag === 'a' && el.hasAttribute('href')) links.push(el);
    const boxes = el.childElementCount >= 2 && !hasOwnText(el);
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        if (NOT_BLANK.test(value)) {
          container ??= el;
          text += value;
        } else text += ' ';
      } else if (child.nodeType === 1) visit(child as Element, boxes);
    }
    if (breaks) flush();
  };
  visit(root, false);
  flush();
  return lines;
}
