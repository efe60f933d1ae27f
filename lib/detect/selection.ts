import type { Region } from '../contacts/phone';
import { isRoleAddress } from '../data';
import { companyDomainOf } from '../contacts/company';
import { parseSignature } from '../text/signature';
import { cleanText } from '../text/clean';
import { looksLikePersonName } from '../text/person-name';
import { findEmailsInText } from '../text/emails';
import type { DetectedContact } from './types';

/**
 * A contact from a selected block of text ("Add selection as contact"): a copied signature,
 * an address line, or a name with a title.
 */
export function contactFromText(text: string, region?: Region): DetectedContact | undefined {
  const lines = text
    .split(/\r?\n|\s{3,}|\s[|·]\s/)
    .map((l) => cleanText(l, 200))
    .filter(Boolean)
    .slice(0, 30);
  if (!lines.length) return undefined;
  const emails = [...new Set(findEmailsInText(text.slice(0, 5_000)).map((m) => m.email.display))].slice(0, 5);
  const signature = parseSignature(lines, { region });
  let name = signature?.name;
  if (!name) {
    const first = lines.find((l) => looksLikePersonName(l.replace(/\s*<.*$/, '')));
    name = first?.replace(/\s*<.*$/, '');
  }
  if (!name && !emails.length) return undefined;
  const domain = companyDomainOf(emails);
  return {
    name,
    emails,
    phones: signature?.phones ?? [],
    title: signature?.title && signature.title !== name ? signature.title : undefined,
    company: signature?.company ?? domain,
    companyDomain: domain,
    profiles: signature?.website ? [signature.website] : [],
    role: emails.length > 0 && emails.every(isRoleAddress),
    // The rep chose the text: what it names is meant as a contact.
    confidence: 1,
    evidence: [{ detector: 'selection', field: 'name' }],
  };
}
