import { cleanText } from '../text/clean';

/** Elements whose text is never a contact: code, styles, templates, form values, hidden parts. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'iframe',
  'object',
  'head',
  'title',
]);

/**
 * Whether an element holds more than `limit` elements. Counting stops at the limit: a change in a
 * huge container costs the limit, not the container's size (a live collection's length walks it all).
 */
export function exceeds(el: Element, limit: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 1 /* SHOW_ELEMENT */);
  let count = 0;
  while (walker.nextNode()) if (++count > limit) return true;
  return false;
}

/**
 * `node.textContent.slice(0, max)`, reading only the text nodes the first `max` characters are
 * in: a sample of a 10,000-person page should not copy all of its text first.
 */
export function textPrefix(node: Node, max: number): string {
  const doc = node.ownerDocument ?? (node as Document);
  const walker = doc.createTreeWalker(node, 4 | 8);
  let raw = '';
  for (let text = walker.nextNode(); text && raw.length < max; text = walker.nextNode())
    raw += text.nodeValue ?? '';
  return raw.slice(0, max);
}

/**
 * `cleanText(node.textContent, max)`, reading only as many of the node's text nodes as `max`
 * needs: a page's footer may be its whole body, megabytes of text of which 5,000 characters count.
 */
export function cleanTextContent(node: Node, max: number): string {
  const doc = node.ownerDocument ?? (node as Document);
  // Text and CDATA sections: what textContent joins.
  const walker = doc.createTreeWalker(node, 4 | 8);
  let raw = '';
  let check = Math.max(1_024, max * 4);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    raw += text.nodeValue ?? '';
    if (raw.length < check) continue;
    const clean = cleanText(raw, max);
    if (clean.length >= max) return clean;
    check = raw.length * 4;
  }
  return cleanText(raw, max);
}

/** Our own badges and chips: never scanned. */
export const OWN_ELEMENT_ATTRIBUTE = 'data-pipeline-scout';

function inlineHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // Reading .style builds a declaration object: only for elements that have a style attribute.
  if (!el.hasAttribute('style')) return false;
  const style = (el as HTMLElement).style;
  return !!style && (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0');
}

/** Editable regions (a compose box, a wiki editor) hold what the user types, not the page's people. */
function editable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/**
 * Whether an element is hidden or inside skipped markup. Memoised per scan: siblings share their
 * ancestors' answers, so the cost stays proportional to the candidates, not the page.
 */
export function createVisibility(useLayout: boolean) {
  // Maps, not WeakMaps: one scan's visibility lives as long as the scan, and lookups are hot.
  const memo = new Map<Element, boolean>();
  const shown = new Map<Element, boolean>();
  const excluded = (el: Element | null): boolean => {
    if (!el) return false;
    const cached = memo.get(el);
    if (cached !== undefined) return cached;
    // Most elements have no attribute at all: one call answers the four attribute tests.
    let result =
      SKIPPED_TAGS.has(el.localName) ||
      (el.hasAttributes() && (el.hasAttribute(OWN_ELEMENT_ATTRIBUTE) || inlineHidden(el) || editable(el)));
    if (!result) result = excluded(el.parentElement);
    memo.set(el, result);
    return result;
  };
  /**
   * A visible candidate: not excluded, and (in a browser) laid out and not invisible. Asked of the
   * same element by several sources (a line's block, its links): layout is read once.
   */
  const visible = (el: Element): boolean => {
    if (excluded(el)) return false;
    if (!useLayout || typeof (el as HTMLElement).checkVisibility !== 'function') return true;
    let answer = shown.get(el);
    if (answer === undefined) {
      answer = (el as HTMLElement).checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
      shown.set(el, answer);
    }
    return answer;
  };
  return { excluded, visible };
}
export type Visibility = ReturnType<typeof createVisibility>;
