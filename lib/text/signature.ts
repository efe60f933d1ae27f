import { looksLikePersonName } from './person-name';
import { splitTitleCompany } from './title-company';
import { findEmailsInText } from './emails';
import { normalisePhone, type Region } from '../contacts/phone';

export interface Signature {
  name?: string;
  title?: string;
  company?: string;
  phones: string[];
  website?: string;
}

const CLOSINGS =
  /^(?:--|—|__+|best(?: regards)?|kind regards|regards|warm regards|many thanks|thanks(?: again)?|thank you|cheers|sincerely|yours(?: sincerely| truly)?|mit freundlichen grüßen|mit freundlichem gruß|freundliche grüße|viele grüße|beste grüße|liebe grüße|herzliche grüße|schöne grüße|gruß|mfg|vg|lg|bg)[,.!]?$/i;
const LEGAL_FORM =
  /\b(?:GmbH|AG|KG|OHG|UG|GbR|SE|e\.V\.|Inc\.?|Ltd\.?|LLC|LLP|PLC|S\.A\.|S\.à r\.l\.|B\.V\.|N\.V\.|Oy|AB|ApS|S\.r\.l\.|Corp\.?|Co\.)(?=$|[\s,])/;
const PHONE_LINE =
  /(?:^|\b)(?:t|tel|telefon|phone|fon|m|mob|mobil|mobile|handy|cell|direct|durchwahl|office|büro|p|f|fax)\b\.?\s*[:.]?\s*(\+?[\d\s()./-]{6,})/i;
const URL_LINE =
  /\b((?:https?:\/\/)?(?:www\.)[\w.-]+\.[a-z]{2,}(?:\/\S*)?|https?:\/\/[\w.-]+\.[a-z]{2,}(?:\/\S*)?)/i;

/**
 * The signature block of a message: the lines after a closing ("Best regards", "Mit
 * freundlichen Grüßen", "--"), read as name, title, company, phones and website.
 */
export function parseSignature(
  lines: string[],
  options: { region?: Region; senderName?: string } = {},
): Signature | undefined {
  let start = -1;
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 25; i--) {
    if (CLOSINGS.test(lines[i]!.trim())) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) start = Math.max(0, lines.length - 8);
  const block = lines.slice(start, start + 12).filter((l) => l.length <= 120);
  if (!block.length) return undefined;

  const signature: Signature = { phones: [] };
  const rest: string[] = [];
  for (const line of block) {
    const phoneMatch = PHONE_LINE.exec(line);
    if (phoneMatch) {
      const phone = normalisePhone(phoneMatch[1]!.replace(/^00/, '+'), options.region);
      if (phone && !signature.phones.includes(phone)) signature.phones.push(phone);
      continue;
    }
    if (/^\+\d[\d\s()./-]{6,}$/.test(line)) {
      const phone = normalisePhone(line, options.region);
      if (phone) signature.phones.push(phone);
      continue;
    }
    const url = URL_LINE.exec(line);
    if (url && !line.includes('@')) {
      signature.website ??= url[1]!.startsWith('http') ? url[1] : `https://${url[1]}`;
      continue;
    }
    if (findEmailsInText(line).length) continue;
    rest.push(line);
  }
  let i = 0;
  if (rest[0] && (looksLikePersonName(rest[0]) || (options.senderName && rest[0] === options.senderName))) {
    signature.name = rest[0];
    i = 1;
  }
  const next = rest[i];
  if (next) {
    const split = splitTitleCompany(next);
    if (split.company && !LEGAL_FORM.test(split.title)) {
      signature.title = split.title;
      signature.company = split.company;
      i++;
    } else if (!LEGAL_FORM.test(next)) {
      signature.title = next;
      i++;
    }
  }
  const companyLine =
    rest.slice(i, i + 3).find((l) => LEGAL_FORM.test(l)) ?? (signature.company ? undefined : rest[i]);
  if (companyLine && !signature.company) signature.company = companyLine.replace(/\s*[|·].*$/, '');
  if (
    !signature.name &&
    !signature.title &&
    !signature.company &&
    !signature.phones.length &&
    !signature.website
  )
    return undefined;
  return signature;
}
