import { z } from '../zod';
import { contactRecord } from '../io/records';
import { normaliseEmail } from './email';
import { normalisePhone, type Region } from './phone';
import { searchTermsOf, type Contact } from './contact';
import { EDITABLE_FIELDS, EditError, type EditableField } from './edit-fields';

export { EDITABLE_FIELDS, EditError, type EditableField };

/**
 * What a rep may send as an edit: the stored record's own limits (lib/io/records), so an edit can
 * never store what a backup would refuse to restore. The one place edits are validated.
 */
export const contactEdit = contactRecord
  .pick({
    name: true,
    title: true,
    company: true,
    companyDomain: true,
    emails: true,
    phones: true,
    profiles: true,
    tags: true,
    notes: true,
  })
  .partial();
export type ContactEdit = z.infer<typeof contactEdit>;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function list(values: string[], clean: (v: string) => string | undefined, field: EditableField) {
  const out: string[] = [];
  for (const raw of values) {
    if (!raw.trim()) continue;
    const value = clean(raw);
    if (!value) throw new EditError(field, `Not valid: ${raw.trim().slice(0, 80)}`);
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

function profileUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Applies a rep's edit to a contact: validates and normalises each given field (addresses keyed
 * for matching, phones in E.164, profile links as http(s) URLs), marks the fields as edited by
 * the rep (so detections never overwrite them) and drops the suggestions they answer; `keep`
 * lists fields whose current value the rep confirms over a suggestion. The first
 * address is the primary one. Throws an EditError naming the field when a value is not valid.
 */
export function applyEdit(
  current: Contact,
  raw: ContactEdit,
  now: number,
  options: { region?: Region; keep?: readonly EditableField[] } = {},
): { next: Contact; changed: EditableField[] } {
  const parsed = contactEdit.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EditError(issue.path[0] as EditableField, `${issue.path.join('.')}: ${issue.message}`);
  }
  const edit = parsed.data;
  const next: Contact = { ...current };
  const changed: EditableField[] = [];
  const mark = (field: EditableField, before: unknown, after: unknown) => {
    if (JSON.stringify(before) !== JSON.stringify(after)) changed.push(field);
  };
  for (const field of ['name', 'title', 'company', 'notes'] as const) {
    const value = edit[field];
    if (value === undefined) continue;
    const cleaned = field === 'notes' ? value.trim() : oneLine(value);
    if (field === 'name') next.name = cleaned;
    else if (field === 'notes') next.notes = cleaned;
    else next[field] = cleaned || undefined;
    mark(field, current[field] ?? '', cleaned);
  }
  if (edit.companyDomain !== undefined) {
    const text = edit.companyDomain
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    if (text && !/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(text))
      throw new EditError('companyDomain', `Not a domain: ${text.slice(0, 80)}`);
    next.companyDomain = text || undefined;
    mark('companyDomain', current.companyDomain ?? '', text);
  }
  if (edit.emails) {
    const byKey = new Map<string, string>();
    for (const rawEmail of edit.emails) {
      if (!rawEmail.trim()) continue;
      const n = normaliseEmail(rawEmail);
      if (!n) throw new EditError('emails', `Not a valid address: ${rawEmail.trim().slice(0, 80)}`);
      if (!byKey.has(n.key)) byKey.set(n.key, n.display);
    }
    next.emails = [...byKey.values()];
    next.emailKeys = [...byKey.keys()];
    mark('emails', current.emails, next.emails);
  }
  if (edit.phones) {
    next.phones = list(edit.phones, (p) => normalisePhone(p, options.region ?? 'DE'), 'phones');
    mark('phones', current.phones, next.phones);
  }
  if (edit.profiles) {
    next.profiles = list(edit.profiles, profileUrl, 'profiles');
    mark('profiles', current.profiles, next.profiles);
  }
  if (edit.tags) {
    next.tags = list(edit.tags, (t) => oneLine(t) || undefined, 'tags');
    mark('tags', current.tags, next.tags);
  }
  if (!next.name && next.emails.length === 0)
    throw new EditError('name', 'A contact needs a name or a valid email address.');
  if (changed.length) {
    next.edited = { ...current.edited };
    for (const field of changed) next.edited[field] = now;
    next.suggestions = (current.suggestions ?? []).filter((s) => !changed.includes(s.field as EditableField));
  }
  next.searchTerms = searchTermsOf(next);
  return { next, changed };
}
