import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type Region = CountryCode;

/** A phone number in E.164, or undefined when it is not a possible number. */
export function normalisePhone(raw: string, region?: Region): string | undefined {
  const text = raw.replace(/^tel:/i, '').trim();
  if (text.length < 5 || text.length > 40) return undefined;
  try {
    const parsed = parsePhoneNumberFromString(text, region);
    return parsed?.isPossible() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}
