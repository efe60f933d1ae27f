import { normaliseEmail, registrableDomain } from '../contacts/email';
import { phoneValue, type Region } from '../contacts/phone';
import { isRoleAddress } from '../data';
import { companyDomainOf } from '../contacts/company';
import { cleanText } from '../text/clean';
import { memoize } from '../memo';
import { defaultConfidence, type DetectedContact, type Finding } from './types';

const HONORIFICS = /^(?:(?:dr|prof|mr|mrs|ms|herr|frau|mme|m|sr|sra)\.?\s+)+/i;

/** The host of a page address; the scanner merges every chunk of a page with the same one. */
const hostOf = memoize((url: string): string | undefined => {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}, 100);

function nameKey(name: string): string {
  return name
    .replace(HONORIFICS, '')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function profileKey(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[/?#]+$/, '');
}

/**
 * Joins findings that share an email, a profile URL or a name into contacts. Stronger sources
 * decide a field; weaker ones fill what is missing.
 */
export function mergeFindings(
  findings: Finding[],
  region?: Region,
  organizations: { name: string; domain?: string }[] = [],
  url?: string,
): DetectedContact[] {
  const pageDomain = url ? registrableDomain(hostOf(url) ?? '') : undefined;
  // The page's own organisation: one whose site is this page's, else the first the page names.
  const own =
    organizations.find((o) => o.domain && pageDomain && registrableDomain(o.domain) === pageDomain) ??
    organizations[0];
  const parent = findings.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };
  const owner = new Map<string, number>();
  const link = (key: string, i: number) => {
    const j = owner.get(key);
    if (j === undefined) owner.set(key, i);
    else union(j, i);
  };
  findings.forEach((f, i) => {
    for (const e of f.emails) {
      const key = normaliseEmail(e)?.key;
      if (key) link(`e:${key}`, i);
    }
    for (const p of f.profiles) link(`p:${profileKey(p)}`, i);
    if (f.name) link(`n:${nameKey(f.name)}`, i);
  });

  const groups = new Map<number, Finding[]>();
  findings.forEach((f, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(f);
  });

  const contacts: DetectedContact[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => b.strength - a.strength);
    const emails = new Map<string, string>();
    const phones = new Set<string>();
    const profiles = new Map<string, string>();
    for (const f of group) {
      for (const e of f.emails) {
        const n = normaliseEmail(e);
        if (n && !emails.has(n.key)) emails.set(n.key, n.display);
      }
      for (const p of f.phones) {
        const phone = phoneValue(p, region);
        if (phone) phones.add(phone);
      }
      for (const p of f.profiles) if (!profiles.has(profileKey(p))) profiles.set(profileKey(p), p);
    }
    const pick = (field: 'name' | 'title' | 'company') => {
      const v = group.find((f) => f[field]);
      return v ? cleanText(v[field], field === 'name' ? 100 : 200) || undefined : undefined;
    };
    const emailList = [...emails.values()];
    const name = pick('name');
    if (!name && !emailList.length) continue;
    const companyDomain = companyDomainOf([...emails.keys()]) ?? (emailList.length ? undefined : pageDomain);
    const atPage = !emailList.length || (!!pageDomain && companyDomain === pageDomain);
    contacts.push({
      name,
      emails: emailList,
      phones: [...phones],
      title: pick('title'),
      // Without a stated company, the page's own organisation names it when the domains agree.
      company:
        pick('company') ??
        organizations.find((o) => o.domain && companyDomain && registrableDomain(o.domain) === companyDomain)
          ?.name ??
        (atPage ? own?.name : undefined) ??
        companyDomain,
      companyDomain,
      profiles: [...profiles.values()],
      role: emailList.length > 0 && emailList.every(isRoleAddress),
      confidence: Math.max(...group.map((f) => f.confidence ?? defaultConfidence(f.strength))),
      evidence: group.flatMap((f) =>
        f.fields.map((field) => ({ detector: f.detector, field, element: f.anchor })),
      ),
    });
  }
  return contacts;
}

/**
 * Adds `extra` contacts to `primary` ones (webmail participants, say): an extra contact that
 * shares an email or a name with a primary one fills its gaps instead of standing alone.
 */
export function combineContacts(primary: DetectedContact[], extra: DetectedContact[]): DetectedContact[] {
  const result = primary.map((c) => ({
    ...c,
    phones: [...c.phones],
    profiles: [...c.profiles],
    evidence: [...c.evidence],
  }));
  const byEmail = new Map<string, DetectedContact>();
  const byName = new Map<string, DetectedContact>();
  for (const c of result) {
    for (const e of c.emails) {
      const key = normaliseEmail(e)?.key;
      if (key) byEmail.set(key, c);
    }
    if (c.name) byName.set(nameKey(c.name), c);
  }
  for (const c of extra) {
    const match =
      c.emails.map((e) => byEmail.get(normaliseEmail(e)?.key ?? '')).find(Boolean) ??
      (c.name ? byName.get(nameKey(c.name)) : undefined);
    if (!match) {
      result.push(c);
      continue;
    }
    match.title ??= c.title;
    for (const p of c.phones) if (!match.phones.includes(p)) match.phones.push(p);
    for (const p of c.profiles) if (!match.profiles.includes(p)) match.profiles.push(p);
    match.evidence.push(...c.evidence);
  }
  return result;
}
