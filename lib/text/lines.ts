import { cleanText } from './clean';

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
  'blockquote, .gmail_quote, .gmail_extra, #divRplyFwdMsg, [id^="appendonsend"], .moz-cite-prefix, [data-marker="__QUOTED_TEXT__"]';

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
  // A quoted reply written as text: everything from "On … wrote:" / "Am … schrieb" is the other side's.
  const cut = lines.findIndex(
    (l) =>
      /^(?:On .+ wrote:|Am .+ schrieb .+:|-----\s*(?:Original Message|Ursprüngliche Nachricht)|From: .+|Von: .+)$/i.test(
        l,
      ) || l.startsWith('>'),
  );
  return cut >= 0 ? lines.slice(0, cut) : lines;
}
