import type { FitVerdict } from '../fit/types';
import type { AddressProposal } from './address-pattern/propose';

export interface ContactSource {
  url: string;
  seenAt: number;
  detector: string;
  field: string;
}

/** A detected value that differs from what the contact has: offered to the rep, never applied by itself. */
export interface FieldSuggestion {
  field: 'name' | 'title' | 'company' | 'companyDomain';
  value: string;
  url: string;
  seenAt: number;
  detector: string;
}

export interface ContactFit {
  score: number;
  verdict: FitVerdict;
  reasons: string[];
  criteriaId: string;
}

export interface Contact {
  id: string;
  name: string;
  /** Display forms, as written. */
  emails: string[];
  /** Normalised matching keys of `emails` (unique across contacts). */
  emailKeys: string[];
  /** E.164 */
  phones: string[];
  title?: string;
  company?: string;
  companyDomain?: string;
  profiles: string[];
  tags: string[];
  role: boolean;
  fit?: ContactFit;
  sources: ContactSource[];
  notes: string;
  referredBy?: string;
  /**
   * An address inferred from the company's pattern: a guess, never in `emails`. It becomes an
   * address when the rep confirms it or it appears on a page or in a mail.
   */
  proposedEmail?: AddressProposal;
  /** When the rep last edited each field (by field name): a later detection never overwrites those. */
  edited?: Partial<Record<string, number>>;
  /** What pages or signatures said differently since (bounded). */
  suggestions?: FieldSuggestion[];
  /** Lower-case words of name, company and email, for prefix search. */
  searchTerms: string[];
  createdAt: number;
  updatedAt: number;
  version: number;
}

export type ContactInput = Partial<
  Pick<Contact, 'name' | 'title' | 'company' | 'companyDomain' | 'referredBy' | 'notes' | 'fit'>
> & {
  emails?: string[];
  phones?: string[];
  profiles?: string[];
  tags?: string[];
  role?: boolean;
  sources?: ContactSource[];
  proposedEmail?: AddressProposal;
};

const MAX_TERMS = 64;

/** Prefix-searchable words: "Jane Doe", "Acme GmbH", "jane@acme.io" → jane, doe, acme, gmbh, jane@acme.io… */
export function searchTermsOf(contact: Pick<Contact, 'name' | 'company' | 'emailKeys'>): string[] {
  const words = new Set<string>();
  const add = (text: string | undefined) => {
    if (!text) return;
    for (const word of text.toLocaleLowerCase().split(/[\s,;()"'«»/|·.-]+/u)) {
      if (word.length >= 1 && word.length <= 64) words.add(word);
    }
  };
  add(contact.name);
  add(contact.company);
  for (const key of contact.emailKeys) words.add(key.slice(0, 128));
  return [...words].slice(0, MAX_TERMS);
}

export function displayName(contact: Pick<Contact, 'name' | 'emails'>): string {
  return contact.name || contact.emails[0] || 'Unnamed contact';
}

/**
 * The title a new deal gets when the rep types none: the company, else the person. A deal whose
 * title still equals this derived title follows the contact when the rep corrects it (a company
 * fixed from "acme-industrie.de" to "Acme GmbH" renames the deal); a title the rep typed differs
 * and stays as typed.
 */
export function derivedDealTitle(contact: Pick<Contact, 'name' | 'emails' | 'company'>): string {
  return contact.company ?? displayName(contact);
}
