import { isPlace, jobTitleScore } from './job-title';

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
    if (jobTitleScore(second) > 0 || isPlace(second)) return { title: line };
    return { title: m[1]!.trim(), company: second };
  }
  return { title: line };
}
