import { normaliseEmail } from '../contacts/email';
import { evidenceText, type AddressProposal } from '../contacts/address-pattern/propose';
import { normalisePhone, type Region } from '../contacts/phone';
import type { Contact, ContactInput } from '../contacts/contact';

export interface VCardImport {
  contacts: ContactInput[];
  /** Cards that could not be read, with the line they start on. */
  errors: { line: number; message: string }[];
  /** Well-formed cards with nothing a contact can be made of (only a photo, say). */
  skipped: { line: number; reason: string }[];
}

interface Property {
  group?: string;
  name: string;
  params: Record<string, string[]>;
  value: string;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(ch));
  }
  try {
    return new TextDecoder(charset || 'utf-8').decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Unfolds continuation lines (RFC 6350 3.2) and vCard 2.1 quoted-printable soft breaks. */
function unfold(text: string): { line: string; number: number }[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: { line: string; number: number }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const last = out.at(-1);
    if (last && /^[ \t]/.test(line)) {
      last.line += line.slice(1);
    } else if (
      last &&
      /ENCODING=QUOTED-PRINTABLE/i.test(last.line.split(':')[0] ?? '') &&
      last.line.endsWith('=')
    ) {
      last.line = last.line.slice(0, -1) + line;
    } else if (line.trim()) {
      out.push({ line, number: i + 1 });
    }
  }
  return out;
}

function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function parseProperty(line: string): Property | undefined {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    else if (line[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return undefined;
  const [head = '', ...paramParts] = splitUnescaped(line.slice(0, colon), ';');
  const dot = head.indexOf('.');
  const group = dot > 0 ? head.slice(0, dot) : undefined;
  const name = (dot > 0 ? head.slice(dot + 1) : head).toUpperCase();
  const params: Record<string, string[]> = {};
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    // vCard 2.1 allows bare parameter values: TEL;WORK;VOICE
    const key = (eq < 0 ? 'TYPE' : part.slice(0, eq)).toUpperCase();
    const values = (eq < 0 ? part : part.slice(eq + 1)).split(',').map((v) => v.replace(/^"|"$/g, ''));
    (params[key] ??= []).push(...values);
  }
  let value = line.slice(colon + 1);
  const encoding = params.ENCODING?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, params.CHARSET?.[0] ?? 'utf-8');
  return { group, name, params, value };
}

const textOf = (value: string) => unescapeText(value).trim();

function cardToContact(props: Property[], region?: Region): ContactInput {
  const get = (name: string) => props.filter((p) => p.name === name);
  const fn = get('FN')[0];
  const n = get('N')[0];
  let name = fn ? textOf(fn.value) : '';
  if (!name && n) {
    const [family = '', given = '', middle = '', prefix = '', suffix = ''] = splitUnescaped(n.value, ';').map(
      textOf,
    );
    name = [prefix, given, middle, family, suffix].filter(Boolean).join(' ');
  }
  const emails = get('EMAIL')
    .map((p) => textOf(p.value))
    .filter((e) => normaliseEmail(e));
  const phones = get('TEL').map((p) => {
    const raw = textOf(p.value).replace(/^tel:/i, '');
    return normalisePhone(raw, region) ?? raw;
  });
  const org = get('ORG')[0];
  const company = org ? splitUnescaped(org.value, ';').map(textOf).filter(Boolean)[0] : undefined;
  const title = get('TITLE')[0];
  const urls = get('URL')
    .map((p) => textOf(p.value))
    .filter((u) => /^https?:\/\//i.test(u));
  const note = get('NOTE')[0];
  const categories = get('CATEGORIES')
    .flatMap((p) => splitUnescaped(p.value, ',').map(textOf))
    .filter(Boolean);
  return {
    name,
    emails,
    phones: phones.filter(Boolean),
    company,
    title: title ? textOf(title.value) : undefined,
    profiles: urls,
    tags: categories,
    notes: note ? textOf(note.value) : undefined,
  };
}

/** Reads vCard 2.1, 3.0 and 4.0 text (one or many cards). Nothing is thrown: bad cards are reported. */
export function parseVCards(text: string, options: { region?: Region } = {}): VCardImport {
  const contacts: ContactInput[] = [];
  const errors: VCardImport['errors'] = [];
  const skipped: VCardImport['skipped'] = [];
  let card: Property[] | undefined;
  let start = 0;
  for (const { line, number } of unfold(text)) {
    const prop = parseProperty(line);
    if (!prop) {
      if (card) errors.push({ line: number, message: `Unreadable line: ${line.slice(0, 60)}` });
      continue;
    }
    if (prop.name === 'BEGIN' && prop.value.trim().toUpperCase() === 'VCARD') {
      card = [];
      start = number;
    } else if (prop.name === 'END' && prop.value.trim().toUpperCase() === 'VCARD') {
      if (card) {
        const contact = cardToContact(card, options.region);
        // A card with only a phone still names someone: the number stands in for the name.
        if (!contact.name && !contact.emails?.length && contact.phones?.length)
          contact.name = contact.phones[0];
        if (contact.name || contact.emails?.length) contacts.push(contact);
        else skipped.push({ line: start, reason: 'no name, email address or phone' });
      }
      card = undefined;
    } else if (card) card.push(prop);
  }
  if (card) errors.push({ line: start, message: 'This card has no END:VCARD.' });
  return { contacts, errors, skipped };
}

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];

/** Reads jCard (RFC 7095): one card or an array of cards. */
export function parseJCard(json: string, options: { region?: Region } = {}): VCardImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return {
      contacts: [],
      errors: [{ line: 1, message: `Not JSON: ${(error as Error).message}` }],
      skipped: [],
    };
  }
  const cards = Array.isArray(data) && data[0] === 'vcard' ? [data] : Array.isArray(data) ? data : [];
  const contacts: ContactInput[] = [];
  const errors: VCardImport['errors'] = [];
  cards.forEach((card, i) => {
    if (!Array.isArray(card) || card[0] !== 'vcard' || !Array.isArray(card[1])) {
      errors.push({ line: i + 1, message: 'Not a jCard.' });
      return;
    }
    const props: Property[] = (card[1] as JCardProperty[]).flatMap((p) => {
      if (!Array.isArray(p) || typeof p[0] !== 'string') return [];
      const values = p.slice(3);
      const join = (v: unknown): string =>
        Array.isArray(v) ? v.map((x) => (Array.isArray(x) ? x.join(',') : String(x))).join(';') : String(v);
      return [{ name: p[0].toUpperCase(), params: {}, value: values.map(join).join(',') }];
    });
    contacts.push(cardToContact(props, options.region));
  });
  return { contacts, errors, skipped: [] };
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    if (size + bytes > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * A guessed address as an extension property (RFC 6350 §6.10), never an EMAIL: address books
 * ignore it instead of mailing a guess. Its parameters say it was inferred and why.
 */
function inferredEmailLine(p: AddressProposal): string {
  const param = (text: string) => `"${text.replace(/["\r\n]/g, "'")}"`;
  return [
    'X-PIPELINE-SCOUT-INFERRED-EMAIL',
    'X-INFERRED=TRUE',
    `X-PATTERN=${param(p.pattern)}`,
    `X-CONFIDENCE=${p.confidence}`,
    `X-EVIDENCE=${param(evidenceText(p))}:${escapeText(p.address)}`,
  ].join(';');
}

/** vCard 4.0 (RFC 6350) for the given contacts. */
export function toVCard4(contacts: Contact[]): string {
  return contacts
    .map((c) => {
      const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(c.name || c.emails[0] || '')}`];
      const parts = c.name.split(/\s+/).filter(Boolean);
      const family = parts.length > 1 ? parts.at(-1)! : '';
      const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : (parts[0] ?? '');
      lines.push(`N:${escapeText(family)};${escapeText(given)};;;`);
      c.emails.forEach((e, i) => lines.push(`EMAIL${i === 0 ? ';PREF=1' : ''}:${escapeText(e)}`));
      c.phones.forEach((p) => lines.push(`TEL;VALUE=uri:${/^\+\d+$/.test(p) ? `tel:${p}` : escapeText(p)}`));
      if (c.company) lines.push(`ORG:${escapeText(c.company)}`);
      if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
      c.profiles.forEach((u) => lines.push(`URL:${escapeText(u)}`));
      if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
      if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
      if (c.proposedEmail) lines.push(inferredEmailLine(c.proposedEmail));
      lines.push(`UID:urn:uuid:${c.id}`, 'END:VCARD');
      return lines.map(fold).join('\r\n');
    })
    .join('\r\n')
    .concat(contacts.length ? '\r\n' : '');
}
