import { cleanText } from '../../text/clean';
import { STRENGTH, type Finding } from '../types';

type Json = Record<string, unknown>;
const MAX_NODES = 5_000;

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value) || undefined;
  if (value && typeof value === 'object' && typeof (value as Json)['@value'] === 'string') {
    return cleanText((value as Json)['@value'] as string) || undefined;
  }
  return undefined;
}

function types(node: Json): string[] {
  return asArray(node['@type']).map((t) => String(t).replace(/^https?:\/\/schema\.org\//, ''));
}

function orgName(value: unknown): string | undefined {
  for (const v of asArray(value)) {
    const name = str(v) ?? (v && typeof v === 'object' ? str((v as Json).name) : undefined);
    if (name) return name;
  }
  return undefined;
}

function personFinding(
  node: Json,
  anchor: Element | undefined,
  detector: string,
  parentOrg?: string,
): Finding {
  const emails = asArray(node.email)
    .map(str)
    .filter((e): e is string => !!e)
    .map((e) => e.replace(/^mailto:/i, ''));
  const phones = asArray(node.telephone)
    .map(str)
    .filter((t): t is string => !!t);
  const profiles = [...asArray(node.sameAs), ...asArray(node.url)]
    .map(str)
    .filter((u): u is string => !!u && /^https?:/i.test(u));
  const given = str(node.givenName);
  const family = str(node.familyName);
  return {
    detector,
    strength: STRENGTH.schema,
    name: str(node.name) ?? ([given, family].filter(Boolean).join(' ') || undefined),
    emails,
    phones,
    title:
      str(node.jobTitle) ??
      asArray(node.hasOccupation)
        .map((o) => (o && typeof o === 'object' ? str((o as Json).name) : undefined))
        .find(Boolean),
    company: orgName(node.worksFor) ?? orgName(node.affiliation) ?? parentOrg,
    profiles,
    anchor,
    fields: ['name', 'email', 'phone', 'title', 'company'].filter((f) => f),
  };
}

/** Persons anywhere in a JSON-LD value: @graph, arrays, and nested under organisations. */
function walk(value: unknown, visit: (person: Json, org?: string) => void, org?: string, seen = { n: 0 }) {
  if (seen.n++ > MAX_NODES || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit, org, seen);
    return;
  }
  const node = value as Json;
  const t = types(node);
  if (t.includes('Person')) visit(node, org);
  const isOrg = t.some((x) => /Organization|Corporation|LocalBusiness|Company/.test(x));
  const orgHere = isOrg ? (str(node.name) ?? org) : org;
  for (const [key, child] of Object.entries(node)) {
    if (key === '@context' || key === '@type') continue;
    // A person's employer is read as its company, not as another person.
    if (t.includes('Person') && (key === 'worksFor' || key === 'affiliation')) continue;
    walk(child, visit, orgHere, seen);
  }
}

/** The parsed JSON-LD blocks of a page; a broken block is skipped, not fatal. */
function jsonLdBlocks(root: ParentNode): unknown[] {
  const blocks: unknown[] = [];
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      blocks.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // a page's broken JSON-LD is its own problem
    }
  }
  return blocks;
}

export function fromJsonLd(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const data of jsonLdBlocks(root)) {
    walk(data, (person, org) => findings.push(personFinding(person, undefined, 'json-ld', org)));
  }
  return findings;
}

function itemValue(el: Element): string | undefined {
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return el.getAttribute('content') ?? undefined;
  if (tag === 'a' || tag === 'link' || tag === 'area') return el.getAttribute('href') ?? undefined;
  if (tag === 'img') return el.getAttribute('src') ?? undefined;
  if (tag === 'data' || tag === 'meter') return el.getAttribute('value') ?? undefined;
  if (tag === 'time') return el.getAttribute('datetime') ?? el.textContent ?? undefined;
  return el.getAttribute('content') ?? el.textContent ?? undefined;
}

/** Properties of one item, not of items nested in it. */
function ownProps(
  item: Element,
  attr: 'itemprop' | 'property',
  scopeAttr: 'itemscope' | 'typeof',
): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  for (const el of item.querySelectorAll(`[${attr}]`)) {
    let owner = el.parentElement;
    while (owner && owner !== item && !owner.hasAttribute(scopeAttr)) owner = owner.parentElement;
    if (owner !== item) continue;
    for (const name of (el.getAttribute(attr) ?? '').split(/\s+/)) {
      const key = name.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '');
      if (!props.has(key)) props.set(key, []);
      props.get(key)!.push(el);
    }
  }
  return props;
}

const PERSON_KINDS = [
  {
    selector: '[itemscope][itemtype*="schema.org/Person"]',
    attr: 'itemprop' as const,
    scope: 'itemscope' as const,
    detector: 'microdata',
  },
  {
    selector: '[typeof~="Person"], [typeof~="schema:Person"]',
    attr: 'property' as const,
    scope: 'typeof' as const,
    detector: 'rdfa',
  },
];

/** Every element `fromMicrodata` reads a person from. */
export const PERSON_MICRODATA = PERSON_KINDS.map((k) => k.selector).join(', ');

/** schema.org Person in microdata (itemscope) and RDFa lite (vocab + typeof). */
export function fromMicrodata(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const kind of PERSON_KINDS) {
    for (const item of root.querySelectorAll(kind.selector)) {
      const props = ownProps(item, kind.attr, kind.scope);
      const first = (key: string) => {
        const el = props.get(key)?.[0];
        return el ? cleanText(itemValue(el)) || undefined : undefined;
      };
      const all = (key: string) =>
        (props.get(key) ?? []).map((el) => cleanText(itemValue(el), 2000)).filter(Boolean);
      const worksFor = props.get('worksFor')?.[0] ?? props.get('affiliation')?.[0];
      let company: string | undefined;
      if (worksFor) {
        company = worksFor.hasAttribute(kind.scope)
          ? (ownProps(worksFor, kind.attr, kind.scope).get('name')?.[0]?.textContent ?? undefined)
          : (itemValue(worksFor) ?? undefined);
        company = cleanText(company) || undefined;
      }
      const given = first('givenName');
      const family = first('familyName');
      findings.push({
        detector: kind.detector,
        strength: STRENGTH.schema,
        name: first('name') ?? ([given, family].filter(Boolean).join(' ') || undefined),
        emails: all('email').map((e) => e.replace(/^mailto:/i, '')),
        phones: all('telephone').map((t) => t.replace(/^tel:/i, '')),
        title: first('jobTitle'),
        company,
        profiles: [...all('sameAs'), ...all('url')].filter((u) => /^https?:/i.test(u)),
        anchor: item,
        fields: ['name', 'email', 'phone', 'title', 'company'],
      });
    }
  }
  return findings;
}

/** Organisations the page describes of itself (JSON-LD), with their domains. */
export function pageOrganizations(root: ParentNode): { name: string; domain?: string }[] {
  const out: { name: string; domain?: string }[] = [];
  for (const data of jsonLdBlocks(root)) {
    const visit = (value: unknown, depth: number) => {
      if (depth > 4 || !value || typeof value !== 'object') return;
      if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
      const node = value as Json;
      const name = str(node.name);
      if (name && types(node).some((t) => /Organization|Corporation|LocalBusiness|Company/.test(t))) {
        let domain: string | undefined;
        try {
          domain = new URL(str(node.url) ?? '').hostname.replace(/^www\./, '');
        } catch {
          domain = undefined;
        }
        out.push({ name, domain });
      }
      if (node['@graph']) visit(node['@graph'], depth + 1);
    };
    visit(data, 0);
  }
  return out;
}
