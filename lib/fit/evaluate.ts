import { compileLinearPattern } from './linear-regex';
import { isFreeMailDomain, isRoleAddress } from '../data';
import { registrableDomain } from '../contacts/email';
import type { Locale } from '../pipeline/steps';
import type { FitRule, FitProfile, SeniorityLevel } from './schema';
import type { FitVerdict } from './types';
import type { DetectedContact } from '../detect/types';

/** What a rule looks at: the fields a detected (or stored) contact has. */
export type FitSubject = Pick<
  DetectedContact,
  'name' | 'emails' | 'phones' | 'title' | 'company' | 'companyDomain' | 'role'
>;

export interface FitContext {
  /** Text of the page or the email signature the contact was found in. */
  pageText?: string;
  /** A won deal exists for this contact. */
  isCustomer?: boolean;
  locale?: Locale;
}

export interface FitResult {
  score: number;
  verdict: FitVerdict;
  reasons: string[];
  criteriaId: string;
}

/**
 * Seniority from titles in en, de, fr, es, pt, it, nl. "Leiter/Leiterin X" heads X; a compound
 * "-leiter" (Teamleiter, Projektleiter) manages, except Bereichs- (director), Abteilungs-,
 * Gesamt- and Niederlassungsleiter (head).
 */
const SENIORITY: Record<SeniorityLevel, { label: string; pattern: RegExp }> = {
  'c-level': {
    label: 'C-level',
    pattern:
      /\b(?:C[EFTOIMRPS]O|Chief\s+\w+(?:\s+\w+)?\s+Officer|Gesch[äa]ftsf[üu]hrer(?:in)?|Gesch[äa]ftsf[üu]hrung|Vorstand(?:smitglied)?|Vorst[äa]ndin|Vorstandsvorsitzender?|Managing\s+Director|(?:Co-?)?Founder|Gr[üu]nder(?:in)?|Inhaber(?:in)?|Owner|President|Pr[äa]sident(?:in)?|Managing\s+Partner|PDG|Directeur\s+g[ée]n[ée]ral|Directrice\s+g[ée]n[ée]rale|Director(?:a)?\s+General|Diretor(?:a)?\s+Geral|Amministratore\s+Delegato|Pr[ée]sident(?:e)?|Presidente|Fondat(?:eur|rice|ore)|Fundador(?:a)?|Titolare|Eigenaar|Oprichter|Algemeen\s+directeur)\b/iu,
  },
  vp: {
    label: 'VP',
    pattern:
      /\b(?:S?E?VP|Vice\s+President|Vizepr[äa]sident(?:in)?|Vice-pr[ée]sident(?:e)?|Vicepresidente)\b/iu,
  },
  head: {
    label: 'Head',
    pattern:
      /(?:\bHead\s+of\b|\bHead\b|^Leiter(?:in)?\s|\bLeiter(?:in)?\s+(?:der|des|für|von)\b|(?:Abteilungs|Gesamt|Niederlassungs)leiter(?:in)?|\bProkurist(?:in)?\b|\bResponsable\b|\bResponsabile\b|\bJef[ea]\b|\bChef\s+de\b|\bHoofd\b)/iu,
  },
  director: {
    label: 'Director',
    pattern:
      /(?:\b(?:Director(?:a)?|Direktor(?:in)?|Direktion|Directeur|Directrice|Diretor(?:a)?|Direttore|Direttrice)\b|Bereichsleiter(?:in)?)/iu,
  },
  manager: {
    label: 'Manager',
    pattern:
      /(?:\b(?:Manager(?:in)?|Gerente|G[ée]rante?|Lead|Leitung)\b|\b(?!(?:Bereichs|Abteilungs|Gesamt|Niederlassungs)leiter)\p{L}+leiter(?:in)?\b)/u,
  },
};

/** Regexes see at most this much text, so even a slow pattern ends quickly. */
const MAX_TEST_INPUT = 500;

const T = {
  en: {
    titleKeyword: (t: string, k: string) => `title '${t}' contains '${k}'`,
    seniority: (t: string, l: string) => `title '${t}' matches seniority ${l}`,
    allow: (v: string) => `company '${v}' is on the allow list`,
    deny: (v: string) => `company '${v}' is on the deny list`,
    tld: (d: string, t: string) => `domain '${d}' is in .${t}`,
    freeMail: (d: string) => `free-mail address (${d})`,
    role: (e: string) => `role account (${e})`,
    page: (k: string) => `page mentions '${k}'`,
    phone: () => 'has a phone number',
    customer: () => 'already a customer',
    regex: (f: string, v: string) => `${f} '${v}' matches the pattern`,
  },
  de: {
    titleKeyword: (t: string, k: string) => `Titel „${t}“ enthält „${k}“`,
    seniority: (t: string, l: string) => `Titel „${t}“ entspricht Ebene ${l}`,
    allow: (v: string) => `Firma „${v}“ steht auf der Positivliste`,
    deny: (v: string) => `Firma „${v}“ steht auf der Sperrliste`,
    tld: (d: string, t: string) => `Domain „${d}“ liegt unter .${t}`,
    freeMail: (d: string) => `Freemail-Adresse (${d})`,
    role: (e: string) => `Funktionspostfach (${e})`,
    page: (k: string) => `Seite erwähnt „${k}“`,
    phone: () => 'hat eine Telefonnummer',
    customer: () => 'bereits Kunde',
    regex: (f: string, v: string) => `${f} „${v}“ passt zum Muster`,
  },
};

interface Fired {
  weight: number;
  reason: (locale: Locale) => string;
  deny?: boolean;
}
type CompiledRule = (subject: FitSubject, context: FitContext) => Fired | undefined;

function domainsOf(subject: FitSubject): string[] {
  // Both the full host (sales.acme.com, for subdomain wildcards) and its registrable domain.
  const hosts = subject.emails.map((e) => e.slice(e.lastIndexOf('@') + 1).toLowerCase());
  const registrable = hosts.map((h) => registrableDomain(h)).filter((d): d is string => !!d);
  return [
    ...new Set([
      ...(subject.companyDomain ? [subject.companyDomain.toLowerCase()] : []),
      ...hosts,
      ...registrable,
    ]),
  ];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive matcher for a keyword list. */
function keywordMatcher(keywords: string[]): (text: string) => string | undefined {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${keywords.map(escapeRegex).join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return (text) => pattern.exec(text.slice(0, 20_000))?.[0];
}

/** `acme.com` matches acme.com and its subdomains; `*.acme.com` only subdomains; other entries are company names. */
function listMatcher(entries: string[]): (subject: FitSubject) => string | undefined {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  const names: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(entry)) {
      exact.add(entry);
      suffixes.push(`.${entry}`);
    } else names.push(entry);
  }
  const nameMatch = names.length ? keywordMatcher(names) : undefined;
  return (subject) => {
    for (const d of domainsOf(subject)) {
      if (exact.has(d) || suffixes.some((s) => d.endsWith(s))) return d;
    }
    if (subject.company && nameMatch?.(subject.company)) return subject.company;
    return undefined;
  };
}

function compileRule(rule: FitRule): CompiledRule | undefined {
  if (!rule.enabled || (rule.weight === 0 && !(rule.kind === 'company-list' && rule.mode === 'deny')))
    return undefined;
  const w = rule.weight;
  switch (rule.kind) {
    case 'title-keywords': {
      const match = keywordMatcher(rule.keywords);
      return (s) => {
        const k = s.title && match(s.title);
        return k ? { weight: w, reason: (l) => T[l].titleKeyword(s.title!, k) } : undefined;
      };
    }
    case 'seniority': {
      const levels = rule.levels.map((l) => SENIORITY[l]);
      return (s) => {
        if (!s.title) return undefined;
        const title = s.title.slice(0, MAX_TEST_INPUT);
        const level = levels.find((l) => l.pattern.test(title));
        return level ? { weight: w, reason: (l) => T[l].seniority(s.title!, level.label) } : undefined;
      };
    }
    case 'company-list': {
      const match = listMatcher(rule.entries);
      const deny = rule.mode === 'deny';
      return (s) => {
        const v = match(s);
        return v ? { weight: w, deny, reason: (l) => (deny ? T[l].deny(v) : T[l].allow(v)) } : undefined;
      };
    }
    case 'tld': {
      const tlds = new Set(rule.tlds.map((t) => t.toLowerCase().replace(/^\./, '')));
      return (s) => {
        for (const d of domainsOf(s)) {
          const tld = d.split('.').at(-1)!;
          if (tlds.has(tld)) return { weight: w, reason: (l) => T[l].tld(d, tld) };
        }
        return undefined;
      };
    }
    case 'free-mail':
      return (s) => {
        const d = domainsOf(s).find(isFreeMailDomain);
        return d && !s.companyDomain ? { weight: w, reason: (l) => T[l].freeMail(d) } : undefined;
      };
    case 'role-account':
      return (s) => {
        const e = s.emails.find(isRoleAddress);
        return (s.role || e) && s.emails.length > 0 && s.emails.every(isRoleAddress)
          ? { weight: w, reason: (l) => T[l].role(e ?? s.emails[0]!) }
          : undefined;
      };
    case 'page-keywords': {
      const match = keywordMatcher(rule.keywords);
      return (_s, c) => {
        const k = c.pageText && match(c.pageText);
        return k ? { weight: w, reason: (l) => T[l].page(k) } : undefined;
      };
    }
    case 'has-phone':
      return (s) => (s.phones.length ? { weight: w, reason: (l) => T[l].phone() } : undefined);
    case 'customer':
      return (_s, c) => (c.isCustomer ? { weight: w, reason: (l) => T[l].customer() } : undefined);
    case 'field-regex': {
      const pattern = compileLinearPattern(rule.pattern);
      const field = rule.field;
      return (s) => {
        const values = field === 'email' ? s.emails : [s[field]].filter((v): v is string => !!v);
        const v = values.find((x) => pattern.test(x.slice(0, MAX_TEST_INPUT)));
        return v ? { weight: w, reason: (l) => T[l].regex(field, v) } : undefined;
      };
    }
  }
}

export interface CompiledProfile {
  profile: FitProfile;
  evaluate(subject: FitSubject, context?: FitContext): FitResult;
}

/** Compiles a validated profile once: regexes are built here, not per contact. */
export function compileProfile(profile: FitProfile): CompiledProfile {
  const rules = profile.rules.map(compileRule).filter((r): r is CompiledRule => !!r);
  return {
    profile,
    evaluate(subject, context = {}) {
      const locale = context.locale ?? 'en';
      let score = profile.base;
      let excluded = false;
      const reasons: string[] = [];
      for (const rule of rules) {
        const fired = rule(subject, context);
        if (!fired) continue;
        score += fired.weight;
        if (fired.deny) excluded = true;
        const sign = fired.weight >= 0 ? '+' : '−';
        reasons.push(`${sign}${Math.abs(fired.weight)}: ${fired.reason(locale)}`);
      }
      score = Math.max(0, Math.min(100, score));
      const verdict: FitVerdict = excluded
        ? 'excluded'
        : score >= profile.thresholds.lead
          ? 'lead'
          : score >= profile.thresholds.maybe
            ? 'maybe'
            : 'no-fit';
      return { score, verdict, reasons, criteriaId: profile.id };
    },
  };
}
