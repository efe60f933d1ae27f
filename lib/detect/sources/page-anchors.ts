import { findEmailsInText, mailtoAddresses } from '../../text/emails';
import { cleanText } from '../../text/clean';
import { looksLikePersonName } from '../../text/person-name';
import { STRENGTH, type Finding } from '../types';
import type { ScanContext } from '../scan-context';

/** One piece of contact data found at an element. */
interface Anchor {
  kind: 'email';
  value: string;
  el: Element;
  detector: 'mailto' | 'text';
  /** A name that stands right with the value: a mailto link's text, "Jane Doe <jane@…>". */
  name?: string;
}

function linkAnchors(root: ParentNode, ctx: ScanContext, out: Anchor[]) {
  for (const a of root.querySelectorAll('a[href^="mailto:" i]')) {
    const href = a.getAttribute('href') ?? '';
    if (!/^mailto:/i.test(href) || !ctx.visibility.visible(a)) continue;
    const emails = mailtoAddresses(href);
    if (!emails.length) continue;
    const text = cleanText(a.textContent, 120);
    for (const email of emails)
      out.push({
        kind: 'email',
        value: email,
        el: a,
        detector: 'mailto',
        name: looksLikePersonName(text) ? text : undefined,
      });
  }
}

const NAME_BEFORE =
  /([\p{Lu}][\p{L}'’-]+(?:\s+(?:von|van|de|der|zu)?\s*[\p{Lu}][\p{L}'’-]+){1,3})\s*[<(]\s*$/u;
const QUICK = /@|\bat\b|\(at\)|\[at\]|\(ät\)/i;

function textAnchors(root: Node, ctx: ScanContext, out: Anchor[]) {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 5 || !QUICK.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || ctx.visibility.excluded(parent)) continue;
    // A link's own text repeats its href; the link anchor has it already.
    const inLink = parent.closest('a[href^="mailto:" i]');
    for (const m of findEmailsInText(text)) {
      if (inLink && !m.obfuscated) continue;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const name = NAME_BEFORE.exec(before)?.[1];
      if (!ctx.visibility.visible(parent)) break;
      out.push({
        kind: 'email',
        value: m.email.display,
        el: parent,
        detector: 'text',
        name: name && looksLikePersonName(name) ? name : undefined,
      });
    }
  }
}

/**
 * Contact links and addresses in running text, each a finding of its own: the people detector
 * (`people.ts`) reads the names, titles and numbers around them, and the merge joins both by
 * address.
 */
export function fromPage(root: ParentNode & Node, ctx: ScanContext): Finding[] {
  const anchors: Anchor[] = [];
  linkAnchors(root, ctx, anchors);
  textAnchors(root, ctx, anchors);
  const loose: Finding[] = [];
  for (const a of anchors) {
    loose.push({
      detector: a.detector,
      strength: a.detector === 'mailto' ? STRENGTH.link : STRENGTH.text,
      name: a.name,
      emails: [a.value],
      phones: [],
      profiles: [],
      anchor: a.el,
      fields: a.name ? ['email', 'name'] : ['email'],
    });
  }
  return loose;
}
