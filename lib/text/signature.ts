import { mayBeJobTitle } from './job-title';
import { looksLikePersonName } from './person-name';
import { splitTitleCompany } from './title-company';
import { findEmailsInText } from './emails';
import { isGreeting, isLegalFooter, valediction } from './phrases';
import { normalisePhone, type Region } from '../contacts/phone';

export interface Signature {
  name?: string;
  title?: string;
  company?: string;
  phones: string[];
  /** A number labelled fax: kept apart, never offered as the phone. */
  fax?: string;
  website?: string;
}

/** The shared multilingual job-title lexicon (page detection uses the same): a line is the title only if it reads as one. */
const TITLE_LEXICON: (line: string) => boolean = mayBeJobTitle;

export interface SignatureOptions {
  region?: Region;
  senderName?: string;
  /** Overrides `TITLE_LEXICON`: a line is read as the title only if this says yes. */
  isTitle?: (line: string) => boolean;
}

const LEGAL_FORM =
  /(?:^|[\s,])(?:GmbH|AG|KG|OHG|UG|GbR|SE|e\.V\.|Inc\.?|Ltd\.?|Limited|LLC|LLP|PLC|S\.A\.S?\.?|SAS|SARL|S\.à r\.l\.|S\.L\.|S\.p\.A\.|SpA|S\.r\.l\.|Srl|Lda\.?|Ltda\.?|B\.V\.|BV|N\.V\.|NV|Oy|AB|A\/S|AS|ApS|sp\. z o\.o\.|Corp\.?|Co\.)(?=$|[\s,])/;

/** Phone labels of the languages served; a fax label keeps the number out of the phones. */
const LABEL = String.raw`tel(?:efon|ephone|efone|efono|éfono)?|t[ée]l|tlf|phone|fon|mobil(?:e|telefon)?|mobiel|telem[óo]vel|portable|port|m[óo]vil|mob|kom|gsm|handy|cell(?:ulare)?|cel(?:ular)?|direct|direkt|durchwahl|zentrale|office|büro|tele?fax|fax|[tmpf]`;
const NUMBER = String.raw`(?:\+|00)?\(?\d[\d\s./()\u2010-\u2015-]{5,22}\d`;
const LABELLED = new RegExp(
  String.raw`(?:^|(?<=[\s(|·•,;/]))(${LABEL})\.?\s*(?:\([^)]{1,12}\)\s*)?[:.]?\s*(${NUMBER})`,
  'giu',
);
const FAX_LABEL = /^(?:tele?fax|fax|f)$/i;
const BARE_PHONE = new RegExp(String.raw`^${NUMBER}$`);
const URL = /\b((?:https?:\/\/)?www\.[\w.-]+\.[a-z]{2,}(?:\/\S*)?|https?:\/\/[\w.-]+\.[a-z]{2,}(?:\/\S*)?)/i;
/** A street or postal line: "Hauptstraße 5", "12 rue de la Paix", "10115 Berlin", "1000-001 Lisboa". */
const ADDRESS =
  /(?:\b(?:str\.|straße|strasse|street|st\.|road|rd\.|avenue|ave\.?|rue|calle|avenida|av\.|rua|via|viale|piazza|straat|laan|gracht|gatan|vägen|vej|gade|ul\.|plac|allee|platz|p\.?\s?o\.? box|postfach)\b.*\d|\d.*\b(?:str\.|straße|strasse|street|road|avenue|rue|calle|rua|via|straat|laan|gatan|vej|gade)\b|^(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}|\b\d{2}-\d{3}\s+\p{Lu}|\b\d{4}-\d{3}\s+\p{Lu}|\b\d{3}\s\d{2}\s+\p{Lu}|\b\d{4}\s?[A-Z]{2}\s+\p{Lu})/iu;
const QUOTE_OR_FORWARD =
  /^(?:-{2,}\s*(?:original|forwarded|weitergeleitete|ursprüngliche|message d'origine|mensaje|mensagem|messaggio|oorspronkelijk)|(?:from|von|de|da|van|från|fra|od):\s.+)/i;
const SENT_FROM =
  /^(?:sent from|gesendet von|von meinem|envoyé de|enviado desde|enviado do|inviato da|verzonden met|skickat från|sendt fra|wysłane z)\b/i;

/** A sentence of the message, not a signature line: long, or ending like prose ("sounds good."). */
function isProse(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length >= 12 || line.length > 90) return true;
  if (/[!?;:]$/.test(line)) return words.length >= 2;
  if (!line.endsWith('.')) return false;
  const last = words.at(-1)!.slice(0, -1);
  // "Acme Inc.", "Ph.D.": an abbreviation, not the end of a sentence.
  if (/^\p{Lu}/u.test(last) || last.includes('.')) return false;
  return words.length >= 3 || last.length > 3;
}

/**
 * Where the signature is: from the last closing ("Best regards", "Atenciosamente", "--") within
 * the last 25 lines, else the trailing run of short non-prose lines; it ends before a legal
 * footer. Blank lines (plain text) bound the trailing run. `closing` is the closing line's index.
 */
export function signatureBlock(lines: string[]): {
  start: number;
  end: number;
  closing?: number;
  name?: string;
} {
  let end = lines.length;
  const from = Math.max(0, lines.length - 60);
  for (let i = from; i < lines.length; i++)
    if (isLegalFooter(lines[i]!) && i > 0) {
      end = i;
      break;
    }
  let seen = 0;
  for (let i = end - 1; i >= 0 && seen < 25; i--) {
    if (!lines[i]!.trim()) continue;
    seen++;
    const closing = valediction(lines[i]!);
    if (closing) return { start: i + 1, end, closing: i, name: closing.name };
  }
  let start = end;
  for (let i = end - 1; i >= 0 && end - start < 10; i--) {
    const line = lines[i]!.trim();
    if (!line) {
      if (start < end) break;
      continue;
    }
    if (isProse(line) || isGreeting(line)) break;
    start = i;
  }
  while (start < end && !lines[start]!.trim()) start++;
  return { start, end };
}

/** Every labelled number of a line ("Tel. 030 123 · Mobil 0171 456 | Fax 030 124"). */
function labelledPhones(line: string): { label: string; number: string; from: number; to: number }[] {
  const found: { label: string; number: string; from: number; to: number }[] = [];
  for (const m of line.matchAll(LABELLED))
    found.push({ label: m[1]!, number: m[2]!, from: m.index, to: m.index + m[0].length });
  return found;
}

/**
 * The signature block of a message, read as name, title, company, phones (fax apart) and
 * website. A greeting is never the title; addresses, links, legal footers, quoted and forwarded
 * headers are never name, title or company.
 */
export function parseSignature(lines: string[], options: SignatureOptions = {}): Signature | undefined {
  const block = signatureBlock(lines);
  const closed = block.closing !== undefined;
  const signature: Signature = { phones: [] };
  const addPhone = (raw: string, fax: boolean) => {
    const phone = normalisePhone(raw.replace(/^00/, '+'), options.region);
    if (!phone) return;
    if (fax) signature.fax ??= phone;
    else if (!signature.phones.includes(phone)) signature.phones.push(phone);
  };
  const rest: string[] = [];
  for (const raw of lines.slice(block.start, block.end).slice(0, 15)) {
    let line = raw.trim();
    if (!line || line.length > 160) continue;
    if (QUOTE_OR_FORWARD.test(line)) break;
    if (isGreeting(line) || valediction(line) || SENT_FROM.test(line) || /^[-_=*~·.]{3,}$/.test(line))
      continue;
    const labelled = labelledPhones(line);
    if (labelled.length) {
      for (const p of labelled) addPhone(p.number, FAX_LABEL.test(p.label));
      for (const p of [...labelled].reverse()) line = line.slice(0, p.from) + line.slice(p.to);
      line = line.replace(/^[\s|·•,;/–-]+|[\s|·•,;/–-]+$/g, '').replace(/\s+[|·•]\s+[|·•]\s+/g, ' | ');
      if (line.length < 3 || !/\p{L}{2}/u.test(line)) continue;
    } else if (BARE_PHONE.test(line) && line.replace(/\D/g, '').length >= 7) {
      addPhone(line, false);
      continue;
    }
    const url = URL.exec(line);
    if (url && !line.includes('@')) {
      signature.website ??= url[1]!.startsWith('http') ? url[1] : `https://${url[1]}`;
      continue;
    }
    if (findEmailsInText(line).length) continue;
    // A one-line signature: "Ann Lee · VP Sales · Northwind Ltd" (two separators or more).
    const parts = line.split(/\s+[|·•]\s+/);
    for (const part of parts.length >= 3 ? parts : [line]) {
      if (ADDRESS.test(part) || /^[\p{L} .-]{1,20}:\s*\S/u.test(part) || isProse(part)) continue;
      rest.push(part);
    }
  }

  let i = 0;
  const sender = options.senderName?.trim().toLowerCase();
  const isSender = (l: string) =>
    !!sender && (l.toLowerCase() === sender || l.toLowerCase() === sender.split(/\s+/)[0]);
  if (block.name && (looksLikePersonName(block.name) || isSender(block.name))) signature.name = block.name;
  else if (rest[0] && (looksLikePersonName(rest[0]) || isSender(rest[0]))) {
    signature.name = rest[0];
    i = 1;
  }
  // Without a closing, the block is a guess: title and company only under a name.
  if (closed || signature.name) {
    const next = rest[i];
    if (next) {
      const split = splitTitleCompany(next);
      const isTitle = options.isTitle ?? TITLE_LEXICON;
      const titleOk = (t: string) => isTitle(t);
      if (split.company && !LEGAL_FORM.test(split.title) && titleOk(split.title)) {
        signature.title = split.title;
        signature.company = split.company.replace(/\s*[|·].*$/, '');
        i++;
      } else if (!LEGAL_FORM.test(next) && titleOk(next)) {
        signature.title = next;
        i++;
      }
    }
    const companyLine =
      rest.slice(i, i + 3).find((l) => LEGAL_FORM.test(l)) ?? (signature.company ? undefined : rest[i]);
    if (companyLine && !signature.company) signature.company = companyLine.replace(/\s*[|·].*$/, '');
  }
  if (
    !signature.name &&
    !signature.title &&
    !signature.company &&
    !signature.phones.length &&
    !signature.fax &&
    !signature.website
  )
    return undefined;
  return signature;
}
