import { phoneValue, type Region } from '../contacts/phone';

export interface LinePhones {
  phones: string[];
  faxes: string[];
  /** An extension written without its number ("Phone Ext: 4417", "(ext. 112)"). */
  extension?: string;
}

/** A phone-shaped run with an optional extension after it. */
export const PHONE_RUN =
  /(?:\+|\b00)?\(?\d[\d\s./()\u2010-\u2015-]{5,22}\d(?:\s*(?:,|;)?\s*(?:ext(?:ension)?\.?|x|durchwahl|dw\.?|poste)\s*[:.]?\s*-?\s*\d{1,6})?/gi;
const PHONE_LABEL =
  /(?:^|[^\p{L}])(?:tel(?:efon|ephone|éfono|efone|efono)?|t[ée]l|phone|ph|fon|mobil(?:e|telefon)?|mob|handy|cell(?:ular)?|direct|direkt|durchwahl|zentrale|office|main|büro|t|m|p|o|d|c)\.?\s*(?:\([^)]*\))?\s*[:.]?\s*$/iu;
const FAX_LABEL = /(?:^|[^\p{L}])(?:fax|telefax|t[ée]l[ée]copie|f)\.?\s*[:.]?\s*$/iu;
/** Register, tax and licence numbers: "No. 03561122", "HRB 12345", "ABN 12 345 678 901", "NMLS #4829". */
const REGISTER_LABEL =
  /(?:^|[^\p{L}])(?:no|nr|number|reg(?:istration|istered)?|company|hr[ab]|vr|abn|acn|vat|ust-?id(?:nr)?|tax|ein|siren|siret|cif|nif|nmls|licen[cs]e|lic|iban|bic|account)\.?\s*(?:no\.?|nr\.?|number)?\s*[:#]?\s*$/iu;
export const NANP_SHAPE = /^(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}\b/;
const EXTENSION_ONLY = /\b(?:ext(?:ension)?|durchwahl|dw|poste)\.?\s*[:.]?\s*-?\s*(\d{1,6})\b/i;
const NOT_PHONE = [
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/, // 2024-05-01
  /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/, // 01.05.2024
  /^\d{4}\s*[-–]\s*\d{4}$/, // 2019–2024
  /^\d{5}-\d{4}$/, // ZIP+4
];

/**
 * The phones in one line of text. Labelled numbers ("Tel.", "Phone", "M"), international ones
 * (+…, 00…) and NANP shapes ("(303) 555-0147") are phones anywhere; inside a person's block
 * (`inPerson`) any number of 7–15 digits is. Fax numbers are told apart; extensions are kept.
 */
export function phonesInLine(text: string, region: Region | undefined, inPerson: boolean): LinePhones {
  const out: LinePhones = { phones: [], faxes: [] };
  if (!/\d/.test(text)) return out;
  let found = false;
  for (const m of text.matchAll(PHONE_RUN)) {
    const raw = m[0].trim();
    const digits = raw.replace(/\D/g, '').length;
    if (digits < 7 || NOT_PHONE.some((re) => re.test(raw))) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (REGISTER_LABEL.test(before)) continue;
    if (FAX_LABEL.test(before)) {
      const fax = phoneValue(raw, region);
      if (fax) out.faxes.push(fax);
      found = true;
      continue;
    }
    const labelled = PHONE_LABEL.test(before);
    const international = /^(?:\+|00)/.test(raw);
    const nanp = NANP_SHAPE.test(raw);
    if (!labelled && !international && !nanp && !inPerson) continue;
    // A NANP shape on a page without a region is North American.
    const phone = phoneValue(raw, nanp && !international && !region ? 'US' : region);
    if (phone && !out.phones.includes(phone)) {
      out.phones.push(phone);
      found = true;
    }
  }
  if (!found) out.extension = EXTENSION_ONLY.exec(text)?.[1];
  return out;
}
