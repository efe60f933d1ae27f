import { isPlace, isRole, isTitleWord, jobTitleScore } from './job-title';

/** A department ("Commercial Valuations", "kaufmännische Leitung") is part of the title, not a company. */
function isOrganisationLike(text: string): boolean {
  if (LEGAL_FORM.test(text)) return true;
  const words = text.split(/\s+/);
  return /\p{Lu}/u.test(text) && !isTitleWord(words[0]!) && !words.some((w) => isRole(w));
}

const LEGAL_FORM =
  /\b(?:GmbH|AG|KG|SE|e\.\s?V\.|Inc\.?|Ltd\.?|Limited|LLC|LLP|PLC|Pty|S\.A\.S?|SAS|SARL|S\.L\.|S\.r\.l\.|S\.p\.A\.|B\.V\.|N\.V\.|Corp\.?|Co\.)(?=$|[\s,.)])/;

/**
 * "Head of Sales, Acme GmbH" / "CTO at Acme" / "Leiterin Einkauf bei Acme" / "CEO | Acme". A
 * comma, bar or dash splits only when the second part is not itself a title ("Founder, Partner",
 * "Senior Vice President, Chief Financial Officer") nor a place ("Sales Manager, Texas").
 */
export function splitTitleCompany(line: string): { title: string; company?: string } {
  const explicit = /^(.+?)\s+(?:at|bei|chez|en|presso|bij|@)\s+(.+)$/u.exec(line);
  if (explicit && explicit[1]!.length >= 2 && explicit[2]!.length >= 2 && jobTitleScore(explicit[1]!) > 0)
    return { title: explicit[1]!.trim(), company: explicit[2]!.trim() };
  const m = /^(.+?)(?:\s*,\s+|\s+(?:at|bei|@)\s+|\s+[|·–—]\s+)(.+)$/u.exec(line);
  if (m && m[1]!.length >= 2 && m[2]!.length >= 2) {
    const second = m[2]!.trim();
    // A licence or register number ("NMLS #482910") or a phone is no organisation: the title alone.
    if (/#|\d{3}|@/.test(second) || /^(?:tel|phone|fon|fax)\b/i.test(second)) return { title: m[1]!.trim() };
    if (jobTitleScore(second) > 0 || isPlace(second) || !isOrganisationLike(second)) return { title: line };
    return { title: m[1]!.trim(), company: second };
  }
  return { title: line };
}
