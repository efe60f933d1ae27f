import { CONTACT_LIMITS } from './limits';
import { EDITABLE_FIELDS } from './edit-fields';
import {
  searchTermsOf,
  type Contact,
  type ContactInput,
  type ContactSource,
  type FieldSuggestion,
} from './contact';

export const MAX_SOURCES = CONTACT_LIMITS.sources;
export const MAX_SUGGESTIONS = 20;
const MAX_TEXT = 2_000;

export function cleanText(text: string | undefined, max = MAX_TEXT): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim().slice(0, max);
  return value || undefined;
}

export type ProvenanceKind = 'edited' | 'page' | 'mail' | 'signature' | 'import' | 'manual';

export interface Provenance {
  kind: ProvenanceKind;
  at: number;
  /** The page's host, for a page. */
  host?: string;
  /** The imported file's name, for an import. */
  file?: string;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

export function kindOfDetector(detector: string): ProvenanceKind {
  if (detector === 'signature') return 'signature';
  if (detector.startsWith('webmail')) return 'mail';
  if (/^(import|csv|vcard)/.test(detector)) return 'import';
  if (detector === 'referral' || detector === 'selection' || detector === 'manual') return 'manual';
  return 'page';
}

/** The editable fields detection reads; notes and tags only ever come from the rep or an import. */
const DETECTED_FIELDS = new Set<string>(EDITABLE_FIELDS.filter((f) => f !== 'notes' && f !== 'tags'));

/**
 * Where a field's value came from: "edited by you" when the rep set it, else the earliest source
 * that reported this field (or the whole contact), else when the contact was created.
 */
export function provenanceOf(contact: Contact, field: string): Provenance {
  const edited = contact.edited?.[field];
  if (edited !== undefined) return { kind: 'edited', at: edited };
  // A whole-contact source speaks for what detection reads; an import's also for notes and tags.
  const whole = (s: ContactSource) =>
    s.field === 'contact' && (DETECTED_FIELDS.has(field) || kindOfDetector(s.detector) === 'import');
  const source = contact.sources.find((s) => s.field === field) ?? contact.sources.find(whole);
  if (!source) return { kind: 'manual', at: contact.createdAt };
  const kind = kindOfDetector(source.detector);
  if (kind === 'import') return { kind, at: source.seenAt, ...(source.url ? { file: source.url } : {}) };
  return { kind, at: source.seenAt, host: hostOf(source.url) };
}

const SINGLE_FIELDS = ['name', 'title', 'company', 'companyDomain'] as const;
type SingleField = (typeof SINGLE_FIELDS)[number];

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * Merges a new detection into a stored contact. Detections fill what the contact lacks and never
 * overwrite: a field the rep edited stays as the rep left it (even empty), and a value that
 * differs from the stored one becomes a suggestion the sidebar offers ("The page now says …").
 * `extraEmails` are the detection's addresses the contact does not have yet (key → display).
 */
export function mergeDetection(
  existing: Contact,
  input: ContactInput,
  extraEmails: Map<string, string>,
  now: number,
): Contact {
  const edited = existing.edited ?? {};
  const origin = input.sources?.[0];
  const suggestions: FieldSuggestion[] = [...(existing.suggestions ?? [])];
  const merged: Contact = { ...existing };
  for (const field of SINGLE_FIELDS) {
    const detected = cleanText(input[field], field === 'name' ? 500 : MAX_TEXT);
    if (!detected) continue;
    const current = existing[field];
    if (!current && edited[field] === undefined) {
      merged[field] = detected;
      continue;
    }
    if (current && same(current, detected)) continue;
    suggest(suggestions, {
      field,
      value: detected,
      url: origin?.url ?? '',
      seenAt: origin?.seenAt ?? now,
      detector: origin?.detector ?? 'detection',
    });
  }
  merged.emails = [...existing.emails, ...extraEmails.values()];
  merged.emailKeys = [...existing.emailKeys, ...extraEmails.keys()];
  // A list the rep edited is theirs: a page cannot put back what they removed.
  if (edited.phones === undefined) merged.phones = unique([...existing.phones, ...(input.phones ?? [])]);
  if (edited.profiles === undefined)
    merged.profiles = unique([...existing.profiles, ...(input.profiles ?? [])]);
  if (edited.tags === undefined) merged.tags = unique([...existing.tags, ...(input.tags ?? [])]);
  merged.fit = input.fit ?? existing.fit;
  merged.sources = [...existing.sources, ...(input.sources ?? [])].slice(-MAX_SOURCES);
  merged.suggestions = suggestions.slice(-MAX_SUGGESTIONS);
  merged.updatedAt = now;
  merged.version = existing.version + 1;
  merged.searchTerms = searchTermsOf(merged);
  return merged;
}

/** Keeps one suggestion per field and value, the latest sighting last. */
function suggest(list: FieldSuggestion[], suggestion: FieldSuggestion) {
  const at = list.findIndex((s) => s.field === suggestion.field && same(s.value, suggestion.value));
  if (at >= 0) list.splice(at, 1);
  list.push(suggestion);
}

export function isSingleField(field: string): field is SingleField {
  return (SINGLE_FIELDS as readonly string[]).includes(field);
}
