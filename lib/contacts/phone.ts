import type { CountryCode } from 'libphonenumber-js';
import { possiblePhone } from './checks';

export type Region = CountryCode;

/** A phone number in E.164, or undefined when it is not a possible number. */
export function normalisePhone(raw: string, region?: Region): string | undefined {
  const text = raw.replace(/^tel:/i, '').trim();
  if (text.length < 5 || text.length > 40) return undefined;
  return possiblePhone(text, region);
}

/** "ext. 4417", "x4417", "Durchwahl -12", "poste 12": the extension written after a number. */
const EXTENSION =
  /\s*(?:,|;)?\s*(?:ext(?:ension)?\.?|x|durchwahl|dw\.?|poste|int\.?|ramal|interno)\s*[:.]?\s*-?\s*(\d{1,6})\s*\)?$/i;

/** A number as this product keeps it: E.164, with `;ext=N` (RFC 3966) when it has an extension. */
export const KEPT_PHONE = /^\+\d{7,15}(?:;ext=\d{1,6})?$/;

/**
 * A plausible phone number as it will be kept: E.164 with its extension when it can be read in
 * `region`, else as written (cleaned) when it still looks like a phone (7–15 digits), so that a
 * number on a page without a known region is never dropped silently.
 */
export function phoneValue(raw: string, region?: Region): string | undefined {
  const text = raw.replace(/^tel:/i, '').replace(/\s+/g, ' ').trim();
  if (KEPT_PHONE.test(text)) return text;
  const extMatch = EXTENSION.exec(text);
  const ext = extMatch?.[1];
  const main = (extMatch ? text.slice(0, extMatch.index) : text).replace(/^00(?=[1-9])/, '+').trim();
  const normal = normalisePhone(main, region);
  if (normal) return ext ? `${normal};ext=${ext}` : normal;
  const digits = main.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  if (main.startsWith('+') && /^\+[\d\s().\/-]+$/.test(main)) return `+${digits}${ext ? `;ext=${ext}` : ''}`;
  return text.slice(0, 40);
}
