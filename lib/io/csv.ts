import Papa from 'papaparse';
import type { Contact, ContactInput } from '../contacts/contact';
import { normaliseEmail, registrableDomain } from '../contacts/email';
import { normalisePhone, type Region } from '../contacts/phone';
import type { Deal } from '../pipeline/deal';
import { STEPS, phaseOf } from '../pipeline/steps';
import { evidenceText } from '../contacts/address-pattern/propose';

/** The fields a CSV column can map to. */
export const CSV_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'title',
  'company',
  'companyDomain',
  'website',
  'tags',
  'notes',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/**
 * Export columns, named as HubSpot's contact import and Pipedrive's person import accept them
 * ("First Name", "Email", "Phone Number", "Job Title", "Company Name", "Company Domain Name").
 */
export const EXPORT_COLUMNS = [
  'First Name',
  'Last Name',
  'Full Name',
  'Email',
  'Phone Number',
  'Job Title',
  'Company Name',
  'Company Domain Name',
  'Deal Name',
  'Deal Stage',
  'Pipeline Phase',
  'Deal Status',
  'Amount',
  'Currency',
  'Fit',
  'Fit Score',
  'Tags',
  'Notes',
  // A guessed address never goes into Email: CRMs would mail it as a confirmed one.
  'Inferred Email',
  'Inferred Email Evidence',
  'Inferred Email Confidence',
] as const;

/** Header spellings of HubSpot, Pipedrive, Outlook, Google and German exports. */
const SYNONYMS: Record<CsvField, string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'vorname'],
  lastName: ['last name', 'lastname', 'family name', 'surname', 'nachname'],
  name: ['full name', 'name', 'person - name', 'contact name', 'display name', 'kontakt'],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'person - email',
    'e-mail 1 - value',
    'e-mail-adresse',
    'work email',
  ],
  phone: [
    'phone',
    'phone number',
    'mobile phone number',
    'person - phone',
    'phone 1 - value',
    'telefon',
    'telefonnummer',
    'mobile',
  ],
  title: [
    'job title',
    'title',
    'position',
    'person - job title',
    'organization 1 - title',
    'jobtitel',
    'funktion',
  ],
  company: [
    'company',
    'company name',
    'organization',
    'organisation',
    'organization - name',
    'organization 1 - name',
    'firma',
    'unternehmen',
  ],
  companyDomain: ['company domain name', 'domain', 'company domain'],
  website: ['website', 'website url', 'web page', 'webseite'],
  tags: ['tags', 'labels', 'categories', 'person - labels'],
  notes: ['notes', 'note', 'notizen', 'notiz'],
};

export type CsvMapping = (CsvField | null)[];

export function guessMapping(headers: string[]): CsvMapping {
  const taken = new Set<CsvField>();
  return headers.map((header) => {
    const h = header.trim().toLowerCase();
    const field = CSV_FIELDS.find((f) => !taken.has(f) && SYNONYMS[f].includes(h));
    if (field) taken.add(field);
    return field ?? null;
  });
}

export interface ParsedCsv {
  headers: string[];
  rows: { line: number; cells: string[] }[];
  errors: { line: number; message: string }[];
}

/** Parses a CSV; `preview` stops after that many rows (the header included), for a quick look at a big file. */
export function parseCsv(text: string, options: { preview?: number } = {}): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    preview: options.preview ?? 0,
  });
  const [headers = [], ...data] = result.data;
  const errors = result.errors.map((e) => ({ line: (e.row ?? 0) + 1, message: e.message }));
  // Line numbers are 1-based and count the header row.
  return { headers, rows: data.map((cells, i) => ({ line: i + 2, cells })), errors };
}

export interface MappedRows {
  inputs: { line: number; input: ContactInput }[];
  errors: { line: number; message: string }[];
}

/** Turns rows into contact inputs; each broken row is reported with its line. */
export function mapRows(
  parsed: ParsedCsv,
  mapping: CsvMapping,
  options: { region?: Region } = {},
): MappedRows {
  const inputs: MappedRows['inputs'] = [];
  const errors: MappedRows['errors'] = [...parsed.errors];
  const badLines = new Set(parsed.errors.map((e) => e.line));
  if (!mapping.includes('email') && !mapping.includes('name') && !mapping.includes('firstName')) {
    errors.push({ line: 1, message: 'Map a column to Email or Name: a contact needs one of them.' });
    return { inputs, errors };
  }
  for (const { line, cells } of parsed.rows) {
    if (badLines.has(line)) continue;
    if (cells.length !== parsed.headers.length) {
      errors.push({ line, message: `Expected ${parsed.headers.length} columns, found ${cells.length}.` });
      continue;
    }
    const get = (field: CsvField) => {
      const i = mapping.indexOf(field);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const emailRaw = get('email');
    const emails = emailRaw ? emailRaw.split(/[;,\s]+/).filter(Boolean) : [];
    const bad = emails.find((e) => !normaliseEmail(e));
    if (bad) {
      errors.push({ line, message: `Not a valid email address: ${bad.slice(0, 80)}` });
      continue;
    }
    const name = get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' ');
    if (!name && !emails.length) {
      errors.push({ line, message: 'This row has neither a name nor an email address.' });
      continue;
    }
    const phoneRaw = get('phone');
    const phones = phoneRaw
      ? phoneRaw
          .split(/[;,]/)
          .map((p) => normalisePhone(p, options.region) ?? p.trim())
          .filter(Boolean)
      : [];
    const website = get('website');
    const domain =
      get('companyDomain') ||
      (website ? registrableDomain(website.replace(/^https?:\/\//, '').split('/')[0]!) : '');
    inputs.push({
      line,
      input: {
        name,
        emails,
        phones,
        title: get('title') || undefined,
        company: get('company') || undefined,
        companyDomain: domain || undefined,
        profiles: website ? [website] : [],
        tags: get('tags')
          ? get('tags')
              .split(/[;,]/)
              .map((t) => t.trim())
              .filter(Boolean)
          : [],
        notes: get('notes') || undefined,
      },
    });
  }
  return { inputs, errors };
}

/**
 * Cells that a spreadsheet would run as a formula are prefixed with a quote: `= + - @`, tab and
 * CR, `|` (DDE), their full-width forms (＝＋－＠, which some spreadsheets fold), also behind
 * leading zero-width characters.
 */
export function safeCell(value: string): string {
  return /^[\u200B-\u200D\u2060\uFEFF]*[=+\-@\t\r|\uFF1D\uFF0B\uFF0D\uFF20]/.test(value)
    ? `'${value}`
    : value;
}

export function exportCsv(contacts: Contact[], dealOf: (contactId: string) => Deal | undefined): string {
  const rows = contacts.map((c) => {
    const parts = c.name.split(/\s+/).filter(Boolean);
    const deal = dealOf(c.id);
    return [
      parts.length > 1 ? parts.slice(0, -1).join(' ') : (parts[0] ?? ''),
      parts.length > 1 ? parts.at(-1)! : '',
      c.name,
      c.emails.join('; '),
      c.phones.join('; '),
      c.title ?? '',
      c.company ?? '',
      c.companyDomain ?? '',
      deal?.title ?? '',
      deal ? STEPS[deal.step].label.en : '',
      deal ? phaseOf(deal.step).label.en : '',
      deal?.status ?? '',
      deal?.value ? String(deal.value.amount) : '',
      deal?.value?.currency ?? '',
      c.fit?.verdict ?? '',
      c.fit ? String(c.fit.score) : '',
      c.tags.join('; '),
      c.notes,
      c.proposedEmail?.address ?? '',
      c.proposedEmail ? `inferred, not verified: ${evidenceText(c.proposedEmail)}` : '',
      c.proposedEmail ? String(c.proposedEmail.confidence) : '',
    ].map(safeCell);
  });
  return Papa.unparse({ fields: [...EXPORT_COLUMNS], data: rows }, { newline: '\r\n' });
}
