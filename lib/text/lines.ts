import { cleanText } from './clean';
import { replyLines } from './quote';

const BLOCK = new Set([
  'DIV',
  'P',
  'BR',
  'LI',
  'TR',
  'TABLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'HR',
  'TD',
]);
const QUOTED =
  'blockquote, .gmail_quote, .gmail_extra, #divRplyFwdMsg, [id^="appendonsend"], .moz-cite-prefix, [data-marker="__QUOTED_TEXT__"], .yahoo_quoted, #isForwardContent, div[type="cite"]';

/** The visible lines of a message body, without quoted replies, scripts or styles. */
export function textLines(body: Element, maxLines = 400): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = cleanText(current, 300);
    if (line) lines.push(line);
    current = '';
  };
  const visit = (node: Node) => {
    if (lines.length >= maxLines) return;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || el.matches(QUOTED)) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of el.childNodes) visit(child);
    if (block) flush();
  };
  visit(body);
  flush();
  // A quoted reply written as text ("On … wrote:", Outlook's header block in any language).
  return replyLines(lines);
}
