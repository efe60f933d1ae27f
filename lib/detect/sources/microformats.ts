import { cleanText } from '../../text/clean';
import { STRENGTH, type Finding } from '../types';

/** Text of an element as microformats read it: scripts and styles dropped, images by their alt. */
function mfText(el: Element): string {
  let out = '';
  const visit = (node: Node) => {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const e = node as Element;
      const tag = e.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'template') return;
      if (tag === 'img') {
        out += ` ${e.getAttribute('alt') ?? ''} `;
        return;
      }
      for (const child of e.childNodes) visit(child);
    }
  };
  visit(el);
  return cleanText(out, 500);
}

const classesOf = (el: Element) => (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
const isRoot = (el: Element, v1: boolean) =>
  classesOf(el).some((c) => (v1 ? c === 'vcard' : /^h-[a-z0-9]+(-[a-z0-9]+)*$/.test(c)));

/** The value-class pattern: `<span class="tel"><span class="value">…</span></span>`. */
function valueClass(el: Element): string | undefined {
  const parts = [...el.querySelectorAll('.value')].map((v) =>
    v.tagName.toLowerCase() === 'abbr' ? (v.getAttribute('title') ?? mfText(v)) : mfText(v),
  );
  return parts.length ? cleanText(parts.join('')) : undefined;
}

function pValue(el: Element): string {
  const vc = valueClass(el);
  if (vc) return vc;
  const tag = el.tagName.toLowerCase();
  if ((tag === 'abbr' || tag === 'link') && el.hasAttribute('title'))
    return cleanText(el.getAttribute('title'));
  if ((tag === 'data' || tag === 'input') && el.hasAttribute('value'))
    return cleanText(el.getAttribute('value'));
  if ((tag === 'img' || tag === 'area') && el.hasAttribute('alt')) return cleanText(el.getAttribute('alt'));
  return mfText(el);
}

function uValue(el: Element, base: string | undefined): string {
  const tag = el.tagName.toLowerCase();
  const attr =
    tag === 'a' || tag === 'area' || tag === 'link'
      ? 'href'
      : tag === 'img' || tag === 'audio' || tag === 'video' || tag === 'source' || tag === 'iframe'
        ? 'src'
        : tag === 'object'
          ? 'data'
          : undefined;
  const raw = attr ? el.getAttribute(attr) : null;
  if (raw === null) return valueClass(el) ?? pValue(el);
  try {
    return base ? new URL(raw, base).href : raw;
  } catch {
    return raw;
  }
}

interface Props {
  [name: string]: { el: Element; nested: boolean }[];
}

/** The properties of one root, skipping the insides of microformats nested in it. */
function collectProps(root: Element, v1: boolean): { props: Props; hasNested: boolean } {
  const props: Props = {};
  let hasNested = false;
  const visit = (el: Element) => {
    for (const child of el.children) {
      const classes = classesOf(child);
      const nested = isRoot(child, v1) || (!v1 && isRoot(child, false));
      for (const c of classes) {
        const name = v1 ? V1_PROPS[c] : /^[pue]-/.test(c) ? c : undefined;
        if (name) (props[name] ??= []).push({ el: child, nested });
      }
      if (nested) hasNested = true;
      else visit(child);
    }
  };
  visit(root);
  return { props, hasNested };
}

/** Classic hCard class names, mapped to their microformats2 equivalents. */
const V1_PROPS: Record<string, string> = {
  fn: 'p-name',
  'given-name': 'p-given-name',
  'family-name': 'p-family-name',
  email: 'u-email',
  tel: 'p-tel',
  org: 'p-org',
  'organization-name': 'p-organization-name',
  title: 'p-job-title',
  role: 'p-role',
  url: 'u-url',
};

function impliedName(root: Element): string {
  const pick = (el: Element): string | undefined => {
    const tag = el.tagName.toLowerCase();
    if ((tag === 'img' || tag === 'area') && el.hasAttribute('alt'))
      return el.getAttribute('alt') ?? undefined;
    if (tag === 'abbr' && el.hasAttribute('title')) return el.getAttribute('title') ?? undefined;
    return undefined;
  };
  const only = (el: Element) =>
    el.children.length === 1 && !isRoot(el.children[0]!, false) ? el.children[0]! : undefined;
  const direct = pick(root);
  if (direct) return cleanText(direct);
  const child = only(root);
  const fromChild = child && pick(child);
  if (fromChild) return cleanText(fromChild);
  const grandchild = child && only(child);
  const fromGrandchild = grandchild && pick(grandchild);
  if (fromGrandchild) return cleanText(fromGrandchild);
  return mfText(root);
}

function cardFinding(root: Element, v1: boolean, base: string | undefined): Finding | undefined {
  const { props, hasNested } = collectProps(root, v1);
  const text = (name: string) =>
    (props[name] ?? []).map(({ el, nested }) => {
      if (nested) {
        const inner = collectProps(el, v1).props['p-name']?.[0];
        return inner ? pValue(inner.el) : impliedName(el);
      }
      return pValue(el);
    });
  let name = text('p-name')[0];
  if (!name) {
    const given = text('p-given-name')[0];
    const family = text('p-family-name')[0];
    if (given || family) name = [given, family].filter(Boolean).join(' ');
  }
  const hasOtherP = Object.keys(props).some((k) => k.startsWith('p-') || k.startsWith('e-'));
  if (!name && !hasOtherP && !hasNested) name = impliedName(root);
  const emails = (props['u-email'] ?? []).map(
    ({ el }) =>
      uValue(el, undefined)
        .replace(/^mailto:/i, '')
        .split('?')[0]!,
  );
  const phones = (props['p-tel'] ?? []).map(({ el }) => {
    const tag = el.tagName.toLowerCase();
    return tag === 'a' && el.getAttribute('href')?.startsWith('tel:')
      ? el.getAttribute('href')!.slice(4)
      : pValue(el);
  });
  const org = text('p-org')[0] ?? text('p-organization-name')[0];
  const urls = (props['u-url'] ?? []).map(({ el }) => uValue(el, base)).filter((u) => /^https?:/i.test(u));
  if (!name && !emails.length && !phones.length) return undefined;
  return {
    detector: v1 ? 'hcard' : 'h-card',
    strength: STRENGTH.microformats,
    name: name || undefined,
    emails,
    phones,
    title: text('p-job-title')[0] ?? text('p-role')[0],
    company: org,
    profiles: urls,
    anchor: root,
    fields: ['name', 'email', 'phone', 'title', 'company'],
  };
}

/** Every element `fromMicroformats` reads a person from. */
export const PERSON_MICROFORMATS = '.h-card, .vcard';

/** h-card (microformats2) and classic hCard (vcard), nested ones included. */
export function fromMicroformats(root: ParentNode, base?: string): Finding[] {
  const findings: Finding[] = [];
  for (const el of root.querySelectorAll('.h-card')) {
    const f = cardFinding(el, false, base);
    if (f) findings.push(f);
  }
  for (const el of root.querySelectorAll('.vcard')) {
    if (el.classList.contains('h-card')) continue;
    const f = cardFinding(el, true, base);
    if (f) findings.push(f);
  }
  return findings;
}
