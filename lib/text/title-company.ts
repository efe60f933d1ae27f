/** "Head of Sales, Acme GmbH" / "CTO at Acme" / "Leiterin Einkauf bei Acme" / "CEO | Acme". */
export function splitTitleCompany(line: string): { title: string; company?: string } {
  const m = /^(.+?)(?:\s*,\s+|\s+(?:at|bei|@)\s+|\s+[|·–—]\s+)(.+)$/u.exec(line);
  if (m && m[1]!.length >= 2 && m[2]!.length >= 2) return { title: m[1]!.trim(), company: m[2]!.trim() };
  return { title: line };
}
