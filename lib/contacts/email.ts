import { domainInfo } from './checks';
import { memoize } from '../memo';

/**
 * Domain to its ASCII (punycode) form, as browsers and mail servers match it. Pages repeat a
 * handful of domains, and URL parsing each time was the cost of a scan: answers are remembered.
 */
export const asciiDomain = memoize((domain: string): string | undefined => {
  const trimmed = domain.trim().replace(/\.$/, '');
  if (!trimmed) return undefined;
  try {
    return new URL(`http://${trimmed}`).hostname;
  } catch {
    return undefined;
  }
}, 10_000);

export interface NormalisedEmail {
  /** The address as written, trimmed (the domain lower-cased). */
  readonly display: string;
  /** The matching key: lower-case, IDN domain as punycode. */
  readonly key: string;
  readonly domain: string;
}

const LOCAL_PART = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const MAX_ADDRESS = 254;

/**
 * A deliverable-looking address or undefined: a dot-atom local part and a registrable public
 * domain (no IP literals, no `localhost`, no single-label hosts, no unknown TLDs). Every address
 * is normalised many times (detection, merging, keys, badges), so answers are remembered.
 */
const normaliseMemo = memoize((raw: string) => normaliseUncached(raw), 20_000);
export const normaliseEmail: (raw: string) => NormalisedEmail | undefined = normaliseMemo;

function normaliseUncached(raw: string): NormalisedEmail | undefined {
  let text = raw.trim();
  // A mailto: URL may carry a query (?subject=…); a bare address may itself contain '?'.
  if (/^mailto:/i.test(text)) text = text.slice(7).split('?')[0]!.trim();
  if (text.length > MAX_ADDRESS) return undefined;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return undefined;
  const local = text.slice(0, at);
  const domainRaw = text.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return undefined;
  if (!/^[\p{L}\p{N}.-]+$/u.test(domainRaw) || domainRaw.endsWith('.')) return undefined;
  const domain = asciiDomain(domainRaw);
  if (!domain || domain.length > 253) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => !l || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) {
    return undefined;
  }
  const info = domainInfo(domain);
  if (info.isIp || !info.isIcann || !info.domain) return undefined;
  const displayDomain = domainRaw.toLowerCase();
  return { display: `${local}@${displayDomain}`, key: `${local.toLowerCase()}@${domain}`, domain };
}

export function emailKey(raw: string): string | undefined {
  return normaliseEmail(raw)?.key;
}

/** The registrable domain ("acme.io" for "mail.eu.acme.io"). */
const registrableMemo = memoize((hostOrDomain: string): string | undefined => {
  const ascii = asciiDomain(hostOrDomain);
  if (!ascii) return undefined;
  const info = domainInfo(ascii);
  return info.isIcann && info.domain ? info.domain : undefined;
}, 10_000);
export const registrableDomain: (hostOrDomain: string) => string | undefined = registrableMemo;

/** Whether a host's registrable domain is a free-mail provider's (the same question as above). */
export function isFreeMailHost(hostOrDomain: string): boolean {
  const ascii = asciiDomain(hostOrDomain);
  return !!ascii && domainInfo(ascii).freeMail;
}

/**
 * Forgets the remembered addresses and domains: in the content script a run that lacked some of
 * the background's answers (lib/contacts/checks-remote.ts) read them as invalid, provisionally.
 */
export function forgetCheckedAnswers(): void {
  normaliseMemo.clear();
  registrableMemo.clear();
}
