/**
 * What `collapse` would change: white space other than single spaces between words (U+FEFF is
 * white space), and zero-width characters. Most texts have none; testing is cheaper than replacing.
 */
const UNCOLLAPSED = /[^\S ]|[\u200B-\u200D\u2060]| {2}|^ | $/;

export function collapse(text: string | null | undefined): string {
  const all = text ?? '';
  if (!UNCOLLAPSED.test(all)) return all;
  return all.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, ' ').trim();
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;

/**
 * Bidi controls and zero-width characters are stripped from what we keep. A long text (a page's
 * whole text) is cleaned only as far as `max` needs: the clean form of a prefix is a prefix of the
 * whole's clean form (short of a trailing space at most), so once it holds `max` characters they
 * are the answer.
 */
export function cleanText(text: string | null | undefined, max = 300): string {
  const all = text ?? '';
  for (let end = Math.max(1_024, max * 4); end < all.length; end *= 4) {
    const clean = collapse(all.slice(0, end).replace(BIDI, ''));
    if (clean.length >= max) return clean.slice(0, max);
  }
  return collapse(all.replace(BIDI, '')).slice(0, max);
}
