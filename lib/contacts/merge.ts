import { searchTermsOf, type Contact } from './contact';
import { MAX_SOURCES, MAX_SUGGESTIONS } from './provenance';

/** The single-value fields two records of one person can disagree on: the rep picks one. */
export const MERGE_FIELDS = ['name', 'title', 'company', 'companyDomain'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeChoices = Partial<Record<MergeField, 'keep' | 'other'>>;

/** The fields both records fill with different values. */
export function mergeConflicts(keep: Contact, other: Contact): MergeField[] {
  return MERGE_FIELDS.filter((f) => {
    const a = keep[f];
    const b = other[f];
    return !!a && !!b && a.toLocaleLowerCase() !== b.toLocaleLowerCase();
  });
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/**
 * One record of two: every address, phone, profile, tag, note and source of both (nothing is
 * dropped); for a field both fill differently, the rep's choice (default: the kept record's).
 * The kept record's id stays; the other's id is gone afterwards.
 */
export function mergeContactRecords(
  keep: Contact,
  other: Contact,
  choices: MergeChoices,
  now: number,
): Contact {
  const emails = new Map<string, string>();
  keep.emailKeys.forEach((key, i) => emails.set(key, keep.emails[i] ?? key));
  other.emailKeys.forEach((key, i) => {
    if (!emails.has(key)) emails.set(key, other.emails[i] ?? key);
  });
  const merged: Contact = {
    ...keep,
    emails: [...emails.values()],
    emailKeys: [...emails.keys()],
    phones: union(keep.phones, other.phones),
    profiles: union(keep.profiles, other.profiles),
    tags: union(keep.tags, other.tags),
    role: keep.role && other.role,
    fit: keep.fit ?? other.fit,
    notes: [keep.notes, other.notes]
      .filter(Boolean)
      .filter((n, i, all) => all.indexOf(n) === i)
      .join('\n\n'),
    sources: [...keep.sources, ...other.sources].sort((a, b) => a.seenAt - b.seenAt).slice(-MAX_SOURCES),
    suggestions: [...(keep.suggestions ?? []), ...(other.suggestions ?? [])].slice(-MAX_SUGGESTIONS),
    edited: { ...other.edited, ...keep.edited },
    createdAt: Math.min(keep.createdAt, other.createdAt),
    updatedAt: now,
    version: keep.version + 1,
  };
  for (const field of MERGE_FIELDS) {
    const pick = choices[field] === 'other' ? (other[field] ?? keep[field]) : (keep[field] ?? other[field]);
    if (field === 'name') merged.name = pick ?? '';
    else merged[field] = pick;
    if (choices[field]) merged.edited = { ...merged.edited, [field]: now };
  }
  const referrer = [keep.referredBy, other.referredBy].find((r) => r && r !== keep.id && r !== other.id);
  merged.referredBy = referrer;
  if (!referrer) delete merged.referredBy;
  merged.searchTerms = searchTermsOf(merged);
  return merged;
}
