import { splitTitleCompany } from '../../text/title-company';
import { normalisePhone, type Region } from '../../contacts/phone';
import { textEmail, findEmailsInText } from '../../text/emails';
import { PHONE_CANDIDATE, PHONE_LABEL } from '../../text/markers';
import { cleanText, collapse } from '../../text/clean';
import { looksLikePersonName } from '../../text/person-name';
import { type Visibility } from '../dom';
import { isProfileUrl } from './profile-page';
import { STRENGTH, type Finding } from '../types';
import type { ScanContext } from '../scan-context';

/** One piece of contact data found at an element. */
interface Anchor {
  kind: 'email' | 'phone' | 'profile';
  value: string;
  el: Element;
  detector: 'mailto' | 'tel' | 'text' | 'profile-link';
  /** A name that stands right with the value: a mailto link's text, "Jane Doe <jane@…>". */
  name?: string;
}

const HEADING_SELECTOR =
  'h1, h2, h3, h4, h5, h6, strong, b, dt, [itemprop="name"], [class*="name" i], [class*="title" i]';
const MAX_CARD_DEPTH = 6;

/** Explicitly marked phone (a tel: link): kept even when it cannot be fully validated. */
export function markedPhone(raw: string, region?: Region): string | undefined {
  const normal = normalisePhone(raw, region);
  if (normal) return normal;
  const digits = raw.replace(/[^\d+]/g, '');
  return /^\+\d{7,15}$/.test(digits) ? digits : undefined;
}

function linkAnchors(root: ParentNode, ctx: ScanContext, out: Anchor[]) {
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!ctx.visibility.visible(a)) continue;
    if (/^mailto:/i.test(href)) {
      let target = href.slice(7).split('?')[0]!;
      try {
        target = decodeURIComponent(target);
      } catch {
        // keep as written
      }
      const text = cleanText(a.textContent, 120);
      for (const part of target.split(',')) {
        const email = textEmail(part) ?? undefined;
        if (email)
          out.push({
            kind: 'email',
            value: email.display,
            el: a,
            detector: 'mailto',
            name: looksLikePersonName(text) ? text : undefined,
          });
      }
    } else if (/^tel:/i.test(href)) {
      const phone = markedPhone(decodeURIComponentSafe(href.slice(4)), ctx.region);
      if (phone) out.push({ kind: 'phone', value: phone, el: a, detector: 'tel' });
    } else if (/^https?:/i.test(href) && isProfileUrl(href)) {
      out.push({ kind: 'profile', value: href, el: a, detector: 'profile-link' });
    }
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const NAME_BEFORE =
  /([\p{Lu}][\p{L}'’-]+(?:\s+(?:von|van|de|der|zu)?\s*[\p{Lu}][\p{L}'’-]+){1,3})\s*[<(]\s*$/u;
const QUICK = /[@\d]|\bat\b|\(at\)|\[at\]|\(ät\)/i;

function textAnchors(root: Node, ctx: ScanContext, out: Anchor[]) {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 5 || !QUICK.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || ctx.visibility.excluded(parent)) continue;
    // A link's own text repeats its href; the link anchor has it already.
    const inLink = parent.closest('a[href^="mailto:" i], a[href^="tel:" i]');
    if (text.includes('@') || /\bat\b|\(at\)|\[at\]|\(ät\)/i.test(text)) {
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
    if (!inLink && /\d{3}/.test(text)) {
      for (const m of text.matchAll(PHONE_CANDIDATE)) {
        const raw = m[0];
        const before = text.slice(Math.max(0, m.index - 20), m.index);
        const context = before.trim() ? before : precedingText(node);
        const labelled = PHONE_LABEL.test(context);
        if (!labelled && !/^(?:\+|00)/.test(raw)) continue;
        if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(raw.trim())) continue;
        const phone = normalisePhone(raw.replace(/^00/, '+'), ctx.region);
        if (phone && ctx.visibility.visible(parent))
          out.push({ kind: 'phone', value: phone, el: parent, detector: 'text' });
      }
    }
  }
}

/** The text just before a node inside its parent block, for labels in a sibling element. */
function precedingText(node: Node): string {
  let prev: Node | null = node.previousSibling ?? node.parentNode?.previousSibling ?? null;
  let text = '';
  for (let i = 0; prev && i < 3 && text.length < 30; i++) {
    text = (prev.textContent ?? '') + text;
    prev = prev.previousSibling;
  }
  return text.slice(-30);
}

function personHeadings(root: ParentNode, visibility: Visibility): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll(HEADING_SELECTOR)) {
    if (el.children.length > 3) continue;
    const text = cleanText(el.textContent, 100);
    if (looksLikePersonName(text) && !visibility.excluded(el)) out.push(el);
  }
  // Keep the innermost of nested matches (<h3><strong>Jane Doe</strong></h3>).
  const matched = new Set(out);
  const outer = new Set<Element>();
  for (const el of out) {
    for (let p = el.parentElement, i = 0; p && i < 4; p = p.parentElement, i++)
      if (matched.has(p)) outer.add(p);
  }
  return out.filter((el) => !outer.has(el));
}

function countUp(map: Map<Element, Set<string>>, el: Element, key: string) {
  let cur: Element | null = el;
  for (let i = 0; cur && i <= MAX_CARD_DEPTH; i++, cur = cur.parentElement) {
    let set = map.get(cur);
    if (!set) map.set(cur, (set = new Set()));
    set.add(key);
  }
}

const CONTACT_LABEL =
  /^(?:tel(?:efon|ephone)?|phone|fon|fax|mobil(?:e)?|handy|e-?mail|mail|web|www|linkedin|xing)\b.{0,3}$/i;

/** The line under a name is the title: the next short text in the card that is not contact data. */
function titleAfter(heading: Element, card: Element): string | undefined {
  const doc = card.ownerDocument;
  const walker = doc.createTreeWalker(card, 4);
  let passed = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent) continue;
    if (heading.contains(node)) {
      passed = true;
      continue;
    }
    if (!passed) continue;
    const text = collapse(node.nodeValue);
    if (!text) continue;
    if (parent.closest('a[href], script, style, button')) continue;
    if (
      text.length < 2 ||
      text.length > 120 ||
      text.includes('@') ||
      /\d{4,}/.test(text) ||
      /^[\W\d]+$/u.test(text)
    )
      continue;
    if (CONTACT_LABEL.test(text)) continue;
    return cleanText(text, 120);
  }
  return undefined;
}

/**
 * Team and speaker cards, contact links and running text. A card is the smallest block around
 * a value that holds exactly one name-like heading and no other person's address.
 */
export function fromPage(root: ParentNode & Node, ctx: ScanContext): Finding[] {
  const anchors: Anchor[] = [];
  linkAnchors(root, ctx, anchors);
  textAnchors(root, ctx, anchors);
  const headings = personHeadings(root, ctx.visibility);

  const emailsAt = new Map<Element, Set<string>>();
  for (const a of anchors) if (a.kind === 'email') countUp(emailsAt, a.el, a.value.toLowerCase());
  const headingsAt = new Map<Element, Set<string>>();
  headings.forEach((h, i) => countUp(headingsAt, h, String(i)));

  /** The card around an element, and the one name heading in it. */
  const cardOf = (el: Element): { card: Element; heading: Element } | undefined => {
    let cur: Element | null = el;
    for (let i = 0; cur && i <= MAX_CARD_DEPTH; i++, cur = cur.parentElement) {
      if ((emailsAt.get(cur)?.size ?? 0) > 1) return undefined;
      const hs = headingsAt.get(cur);
      if (hs && hs.size > 1) return undefined;
      if (hs && hs.size === 1) return { card: cur, heading: headings[Number([...hs][0])]! };
    }
    return undefined;
  };

  const cards = new Map<Element, Finding>();
  const loose: Finding[] = [];
  for (const a of anchors) {
    const found = cardOf(a.el);
    if (!found) {
      if (a.kind !== 'email') continue;
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
      continue;
    }
    const { card, heading } = found;
    let finding = cards.get(card);
    if (!finding) {
      const line = titleAfter(heading, card);
      const split = line ? splitTitleCompany(line) : undefined;
      finding = {
        detector: 'card',
        strength: STRENGTH.card,
        name: cleanText(heading.textContent, 100),
        emails: [],
        phones: [],
        title: split?.title,
        company: split?.company,
        profiles: [],
        anchor: heading,
        fields: ['name', ...(split ? ['title'] : [])],
      };
      cards.set(card, finding);
    }
    if (a.kind === 'email') finding.emails.push(a.value);
    else if (a.kind === 'phone') finding.phones.push(a.value);
    else finding.profiles.push(a.value);
    finding.fields.push(a.kind);
  }
  // A card is a contact when it carries a way to reach or identify the person.
  return [
    ...[...cards.values()].filter((f) => f.emails.length || f.phones.length || f.profiles.length),
    ...loose,
  ];
}
