import { memoize } from '../../memo';
import { isFreeMailDomain, isRoleLocalPart } from '../../data';
import { normaliseEmail, registrableDomain } from '../email';
import { mayFollow, PATTERN_IDS, spell, type PatternId } from './catalogue';
import { nameForms } from './name';
import { DIMENSIONS, type Dimension, type Spelling } from './style';

/** An address the rep already has, with the name of its owner when known. */
export interface KnownAddress {
  email: string;
  name?: string;
}

/** What the known addresses at one registrable domain say about its mailbox pattern. */
export interface DomainEvidence {
  /** The registrable domain ("acme.de" for jane@mail.acme.de). */
  domain: string;
  /** The host most of its addresses use ("acme.de", or "mail.acme.de"). */
  mailDomain: string;
  /** Personal addresses with a name that were read: the "of 5" in "4 of 5". */
  total: number;
  counts: Partial<Record<PatternId, number>>;
  /** Per spelling choice, the addresses it gives ("umlaut: expand 3"), from names where it matters. */
  styles: Partial<Record<Dimension, Record<string, number>>>;
  /** Matching keys of every address read: a proposal never repeats one of them. */
  known: Set<string>;
  hosts: Map<string, number>;
}

function evidenceFor(map: Map<string, DomainEvidence>, domain: string): DomainEvidence {
  let entry = map.get(domain);
  if (!entry) {
    entry = {
      domain,
      mailDomain: domain,
      total: 0,
      counts: {},
      styles: {},
      known: new Set(),
      hosts: new Map(),
    };
    map.set(domain, entry);
  }
  return entry;
}

/**
 * The patterns one address follows and, per spelling dimension its name exercises, the choices
 * that give it: "pieter.berg" for Pieter van den Berg says particle "dropped"; "jvandenberg"
 * says "joined" or "separated" (a pattern without separator spells both alike); a dimension
 * every choice of which gives the address says nothing and is left out.
 */
export const classify = (local: string, name: string): Classified => classified(`${local}\u0000${name}`);

/** Addresses repeat from report to report (a page changes, the store stays): answers are remembered. */
const classified = memoize((key: string): Classified => {
  // A local part never holds U+0000; a name from a hostile page might.
  const cut = key.indexOf('\u0000');
  return classifyUncached(key.slice(0, cut), key.slice(cut + 1));
}, 20_000);

type Classified = { patterns: PatternId[]; style: Partial<Record<Dimension, string[]>> };

function classifyUncached(local: string, name: string): Classified {
  const forms = nameForms(name);
  if (!forms) return { patterns: [], style: {} };
  const patterns: PatternId[] = [];
  const spellings: Spelling[] = [];
  for (const pattern of PATTERN_IDS) {
    if (!mayFollow(pattern, local)) continue;
    const all = spell(pattern, forms);
    if (all.some((s) => s.value === local)) {
      patterns.push(pattern);
      spellings.push(...all);
    }
  }
  const style: Partial<Record<Dimension, string[]>> = {};
  for (const dim of Object.keys(DIMENSIONS) as Dimension[]) {
    const exercised = new Set(spellings.map((s) => s.style[dim]).filter(Boolean));
    const giving = new Set(
      spellings
        .filter((s) => s.value === local)
        .map((s) => s.style[dim])
        .filter(Boolean),
    );
    if (giving.size && giving.size < exercised.size) style[dim] = [...giving] as string[];
  }
  return { patterns, style };
}

/**
 * Learns each registrable domain's patterns from the addresses known there. Role addresses
 * (info@, sales@) and free-mail domains are never evidence; an address without a name, or whose
 * name is not a given and family name, is remembered (never proposed again) but not counted.
 * The same address seen twice (on the page and in the store) counts once, with the first name
 * given for it.
 */
export function learnPatterns(known: Iterable<KnownAddress>): Map<string, DomainEvidence> {
  const named = new Map<string, { local: string; host: string; domain: string; name?: string }>();
  for (const { email, name } of known) {
    const n = normaliseEmail(email);
    if (!n) continue;
    const local = n.key.slice(0, n.key.lastIndexOf('@'));
    const domain = registrableDomain(n.domain);
    if (!domain || isFreeMailDomain(domain) || isFreeMailDomain(n.domain)) continue;
    const seen = named.get(n.key);
    if (!seen) named.set(n.key, { local, host: n.domain, domain, name: name?.trim() || undefined });
    else seen.name ??= name?.trim() || undefined;
  }
  const result = new Map<string, DomainEvidence>();
  for (const [key, { local, host, domain, name }] of named) {
    const entry = evidenceFor(result, domain);
    entry.known.add(key);
    if (isRoleLocalPart(local) || !name || !nameForms(name)) continue;
    entry.total++;
    entry.hosts.set(host, (entry.hosts.get(host) ?? 0) + 1);
    const { patterns, style } = classify(local, name);
    for (const pattern of patterns) entry.counts[pattern] = (entry.counts[pattern] ?? 0) + 1;
    for (const [dim, choices] of Object.entries(style)) {
      const votes = (entry.styles[dim as Dimension] ??= {});
      for (const choice of choices) votes[choice] = (votes[choice] ?? 0) + 1;
    }
  }
  for (const entry of result.values()) {
    entry.mailDomain =
      [...entry.hosts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? entry.domain;
  }
  return result;
}
