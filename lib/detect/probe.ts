/**
 * A cheap first look at a page: could the full scan find anyone here? It must never say no where
 * the scan would find a contact (tests hold it to that over every fixture and corpus page), and
 * may say yes too often: a yes only costs loading the scanner. No imports, so the probe that
 * runs on every granted page stays a few kilobytes.
 */

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

/** The scan's phone labels (PHONE_LABEL), as whole words. */
const LABEL =
  '(?:^|[\\s(|·•,;])(?:tel(?:efon|ephone)?|phone|fon|mobil(?:e|telefon)?|mob|handy|cell|direct|durchwahl|zentrale|t|m|p|f(?:ax)?)\\.?\\s*[:.]?\\s*';
/** The scan's phone-shaped run (PHONE_CANDIDATE). */
const NUMBER = '(?:\\+|00)?\\(?\\d[\\d\\s./()\\u2010-\\u2015-]{5,}\\d';

/** `jane [at] acme …`, `jane (ät) acme …` */
const BRACKETED_AT = /[([{<]\s*(?:at|ät)\s*[)\]}>]/i;
/** `jane at acme dot de` (the scan reads only lower-case words). */
const SPELLED_AT = / at [a-z0-9-]+ dot /;
/** A phone-shaped run: most prose has none, so the costlier phone tests rarely run. */
const RUN = /\d[\d\s./()\u2010-\u2015-]{5,}\d/;
/** A run after `+` or `00`, or after a phone label. */
const PHONE = new RegExp(
  `(?:\\+|(?<!\\d)00)\\(?\\d[\\d\\s./()\\u2010-\\u2015-]{5,}\\d|${LABEL}${NUMBER}`,
  'i',
);
/** A label ending the text: the number sits in the next element, where the scan looks back. */
const LABEL_AT_END = new RegExp(`${LABEL}$`, 'i');

/** Whether one text could hold an address or a phone for the scan. Cheap tests first. */
export function textSignal(value: string): boolean {
  if (value.includes('@')) return true;
  if (BRACKETED_AT.test(value)) return true;
  if (value.includes(' dot ') && SPELLED_AT.test(value)) return true;
  if (RUN.test(value) && PHONE.test(value)) return true;
  return LABEL_AT_END.test(value.slice(-40));
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

function small(el: Element, limit: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 1 /* SHOW_ELEMENT */);
  let count = 0;
  while (walker.nextNode()) if (++count > limit) return false;
  return true;
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
        isSmall.set(target, (whole = target.nodeType === 1 && small(target as Element, 200)));
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
