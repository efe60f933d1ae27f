import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** "+49 30 1234568" for "+49301234568"; anything unparseable as it is. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
