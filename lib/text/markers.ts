/**
 * The text markers the scan acts on, in one place without imports: the scan uses them to find
 * contacts, the probe (which must stay small) to decide whether the scan is worth loading. One
 * definition keeps the probe from ever missing what the scan would find.
 */

/** A bracketed "at" that starts an obfuscated address: `jane [at] acme`, `jane (ät) acme`. */
export const AT_MARKER = /\(\s*(?:at|ät)\s*\)|\[\s*(?:at|ät)\s*\]|\{\s*at\s*\}|<\s*at\s*>/i;

/** A spelled-out address: `jane at acme dot de` (lower-case words only, so prose stays out). */
export const SPELLED_MARKER = / at [a-z0-9-]+ dot /;

/** A label saying the number after it is a phone ("Tel.:", "Mobil", "T"), ending its text. */
const LABEL_SOURCE = String.raw`(?:^|[\s(|·•,;])(?:tel(?:efon|ephone)?|phone|fon|mobil(?:e|telefon)?|mob|handy|cell|direct|durchwahl|zentrale|t|m|p|f(?:ax)?)\.?\s*[:.]?\s*`;
export const PHONE_LABEL = new RegExp(`${LABEL_SOURCE}$`, 'i');

/** A phone-shaped run of digits (7 characters or more): every phone candidate holds one. */
export const DIGIT_RUN = /\d[\d\s./()\u2010-\u2015-]{5,}\d/;

/** Phone-shaped runs: digits with spaces, dots, dashes, slashes and brackets, optional +. */
const CANDIDATE_SOURCE = String.raw`(?:\+|00)?\(?\d[\d\s./()\u2010-\u2015-]{5,22}\d`;
export const PHONE_CANDIDATE = new RegExp(CANDIDATE_SOURCE, 'g');

/** A candidate the scan keeps without a label: it starts with `+` or `00`. */
export const PREFIXED_PHONE = new RegExp(String.raw`(?:\+|(?<!\d)00)\(?\d[\d\s./()\u2010-\u2015-]{5,22}\d`);

/** A candidate right after a label, in the same text. */
export const LABELLED_PHONE = new RegExp(`${LABEL_SOURCE}${CANDIDATE_SOURCE}`, 'i');
