const BLOCK = /^(?:DIV|P|LI|TR|TABLE|H[1-6]|UL|OL|SECTION|ARTICLE|BLOCKQUOTE|HR|TD|PRE)$/;
const MAX_CHARS = 50_000;

/**
 * A message body as plain text with its quoting kept: each line inside a `blockquote` gets one
 * `> ` per level (the way a plain-text client quotes), blank lines stay (Gmail's `<div><br></div>`).
 * For reading a prospect's answers written between quoted questions; bounded.
 */
export function quotedTextOf(body: Element, maxChars = MAX_CHARS): string {
  const lines: string[] = [];
  let size = 0;
  let current = '';
  let depth = 0;
  const push = (line: string) => {
    if (size > maxChars) return;
    const text = `${'> '.repeat(depth)}${line.replace(/[\s\u00a0]+/g, ' ').trim()}`.trimEnd();
    lines.push(text);
    size += text.length + 1;
  };
  const flush = (keepEmpty: boolean) => {
    if (current.trim() || keepEmpty) push(current);
    current = '';
  };
  const visit = (node: Node) => {
    if (size > maxChars) return;
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (
      tag === 'SCRIPT' ||
      tag === 'STYLE' ||
      tag === 'TEMPLATE' ||
      el.getAttribute('aria-hidden') === 'true'
    )
      return;
    if (tag === 'BR') return flush(true);
    const block = BLOCK.test(tag);
    const quote = tag === 'BLOCKQUOTE';
    if (block) flush(false);
    if (quote) depth++;
    for (const child of el.childNodes) visit(child);
    if (block) flush(false);
    if (quote) depth--;
  };
  visit(body);
  flush(false);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .slice(0, maxChars);
}
