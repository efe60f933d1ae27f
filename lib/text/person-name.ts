/** Looks like a person's name: 2–5 capitalised words, no digits or symbols. */
export const PARTICLES: ReadonlySet<string> = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'le',
  'la',
  'zu',
  'bin',
  'al',
  'ter',
  'ten',
  'y',
  'dos',
  'das',
]);
const NOT_NAMES = new Set([
  'contact us',
  'our team',
  'unser team',
  'das team',
  'the team',
  'kontakt',
  'impressum',
  'about us',
  'über uns',
  'read more',
  'mehr erfahren',
  'learn more',
  'get in touch',
  'customer service',
  'privacy policy',
  'terms of service',
  'head office',
  'sales team',
  'press contact',
  'jetzt kontaktieren',
]);
const HONORIFICS = /^(?:dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|mag\.?|dipl\.-\S+|ing\.?|herr|frau)\s+/i;

export function looksLikePersonName(text: string): boolean {
  const name = text.replace(HONORIFICS, '').replace(HONORIFICS, '').trim();
  if (name.length < 3 || name.length > 60) return false;
  if (NOT_NAMES.has(name.toLowerCase())) return false;
  if (/[\d@:/|<>{}[\]=_#%&*+!?]/.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const word of words) {
    if (PARTICLES.has(word.toLowerCase())) continue;
    // Scripts without case (Arabic, Han, Hebrew…) start with \p{Lo}.
    if (!/^(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*$/u.test(word)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}
