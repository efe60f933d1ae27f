import { normaliseEmail } from '../email';
import { spell, type PatternId } from './catalogue';
import type { DomainEvidence } from './learn';
import { nameForms } from './name';
import { DIMENSIONS, type Dimension, type Spelling, type Style } from './style';

/** An address inferred from the company's own pattern: a guess until the rep confirms it. */
export interface AddressProposal {
  /** As shown ("bjoern.koehler@acme-maschinenbau.de"). */
  address: string;
  /** Its matching key (lower case, IDN domain as punycode), as `Contact.emailKeys` hold them. */
  key: string;
  pattern: PatternId;
  /** The registrable domain the evidence comes from. */
  domain: string;
  /** Known addresses at the domain that follow the pattern… */
  matching: number;
  /** …of this many known personal addresses with a name. */
  total: number;
  /** 0–1: the pattern's share, discounted for little evidence and for assumed spellings. */
  confidence: number;
  /** Spelling choices the evidence did not show and a default filled in (umlaut, particle…). */
  assumed: Dimension[];
}

/** The usual choice when a domain shows none: German ue for ü, joined particles, the hyphen kept. */
const DEFAULTS: Required<Style> = {
  umlaut: 'expand',
  particle: 'joined',
  givenHyphen: 'hyphen',
  familyHyphen: 'hyphen',
  surnames: 'last',
};
/** Countries where the first of two surnames is the one people go by (García in García López). */
const PATERNAL_SURNAME_TLDS = new Set([
  'es',
  'mx',
  'ar',
  'cl',
  'pe',
  've',
  'uy',
  'ec',
  'bo',
  'py',
  'cr',
  'gt',
]);

/** The one entry with strictly more votes than any other; a tie or no votes gives nothing. */
export function majority<K extends string>(
  votes: Partial<Record<K, number>> | undefined,
): [K, number] | undefined {
  const sorted = (Object.entries(votes ?? {}) as [K, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const [top, second] = sorted;
  if (!top || (second && second[1] === top[1])) return undefined;
  return top;
}

function defaultsFor(domain: string): Required<Style> {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return PATERNAL_SURNAME_TLDS.has(tld) ? { ...DEFAULTS, surnames: 'paternal' } : DEFAULTS;
}

/**
 * The local part the domain's evidence gives for a name: its majority pattern, spelt with the
 * choices the domain showed (umlauts, particles, hyphens, surnames) and the defaults where it
 * showed none. Undefined with no evidence, a tie between patterns, or a name the pattern cannot
 * spell.
 */
export function spellFor(
  name: string,
  evidence: DomainEvidence | undefined,
): { local: string; pattern: PatternId; matching: number; assumed: Dimension[] } | undefined {
  if (!evidence || evidence.total === 0) return undefined;
  const winner = majority(evidence.counts);
  const forms = nameForms(name);
  if (!winner || !forms) return undefined;
  const [pattern, matching] = winner;
  const defaults = defaultsFor(evidence.domain);
  const target: Record<string, string> = {};
  const learnt = new Set<Dimension>();
  for (const dim of Object.keys(DIMENSIONS) as Dimension[]) {
    const votes = Object.entries(evidence.styles[dim] ?? {});
    const most = Math.max(0, ...votes.map(([, n]) => n));
    // The choices that give the most known addresses; with several, the usual one if it is among them.
    const tops = DIMENSIONS[dim].filter((c) => most > 0 && evidence.styles[dim]?.[c] === most) as string[];
    if (tops.length === 1) learnt.add(dim);
    target[dim] = tops.length === 0 || tops.includes(defaults[dim]) ? defaults[dim] : tops[0]!;
  }
  const chosen = spell(pattern, forms).find((s: Spelling) =>
    Object.entries(s.style).every(([dim, choice]) => target[dim] === choice),
  );
  if (!chosen) return undefined;
  const assumed = (Object.keys(chosen.style) as Dimension[]).filter((dim) => !learnt.has(dim));
  return { local: chosen.value, pattern, matching, assumed };
}

/**
 * The address the domain's majority pattern gives for a person, or undefined: no evidence, a
 * tie between patterns, a name the pattern cannot spell, or an address someone already has.
 */
export function proposeAddress(
  name: string,
  evidence: DomainEvidence | undefined,
): AddressProposal | undefined {
  const spelt = spellFor(name, evidence);
  if (!spelt || !evidence) return undefined;
  const normalised = normaliseEmail(`${spelt.local}@${evidence.mailDomain}`);
  if (!normalised || evidence.known.has(normalised.key)) return undefined;
  const share = (spelt.matching / evidence.total) * (evidence.total / (evidence.total + 1));
  return {
    address: normalised.display,
    key: normalised.key,
    pattern: spelt.pattern,
    domain: evidence.domain,
    matching: spelt.matching,
    total: evidence.total,
    confidence: Math.round(share * 0.85 ** spelt.assumed.length * 100) / 100,
    assumed: spelt.assumed,
  };
}

/** The evidence in words, for exports ("4 of 5 known addresses at acme.de are first.last"). */
export function evidenceText(p: Pick<AddressProposal, 'matching' | 'total' | 'domain' | 'pattern'>): string {
  return `${p.matching} of ${p.total} known addresses at ${p.domain} are ${p.pattern}`;
}
