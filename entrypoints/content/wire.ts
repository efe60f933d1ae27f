import type { DetectedContact } from '@/lib/detect';
import type { DetectedContactWire } from '@/lib/messages';
import { OWN_ELEMENT_ATTRIBUTE } from '@/lib/detect/dom';
import { CONTACT_LIMITS as L } from '@/lib/contacts/limits';
import { WIRE_LIST_MAX } from '@/lib/messages/wire-limits';

export const MAX_REPORTED = 2_000;

const cut = (s: string | undefined, n: number) => (s ? s.slice(0, n) : undefined);

/** A detected contact as the protocol carries it: bounded, without DOM references. */
export function toWire(c: DetectedContact): DetectedContactWire {
  return {
    name: cut(c.name, L.name),
    emails: c.emails.slice(0, WIRE_LIST_MAX).map((e) => e.slice(0, L.email)),
    phones: c.phones.slice(0, WIRE_LIST_MAX).map((p) => p.slice(0, L.phone)),
    title: cut(c.title, L.text),
    company: cut(c.company, L.text),
    companyDomain: cut(c.companyDomain, L.domain),
    profiles: c.profiles.slice(0, WIRE_LIST_MAX).map((p) => p.slice(0, L.profile)),
    role: c.role,
    confidence: Math.min(1, Math.max(0, c.confidence)),
    detectors: [...new Set(c.evidence.map((e) => e.detector))]
      .slice(0, WIRE_LIST_MAX)
      .map((d) => d.slice(0, 40)),
  };
}

/** The element a badge goes beside: the first evidence still on the page. */
export function anchorOf(c: DetectedContact): Element | undefined {
  return c.evidence
    .map((e) => e.element)
    .find((el) => el?.isConnected && !el.closest(`[${OWN_ELEMENT_ATTRIBUTE}]`));
}

/** The start of the page's text, for page-keyword rules, without building a 10 MB string. */
export function pageTextSample(doc: Document, max = 20_000): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, 4);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < max; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    text += `${node.nodeValue ?? ''} `;
  }
  return text.slice(0, max);
}
