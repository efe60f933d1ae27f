import { searchTermsOf, type Contact } from '../contacts/contact';
import { withinLimits } from '../contacts/limits';

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => !!v && typeof v === 'object' && !Array.isArray(v);
const looksLikeContact = (c: Loose) =>
  typeof c.name === 'string' &&
  typeof c.notes === 'string' &&
  ['emails', 'emailKeys', 'phones', 'profiles', 'tags', 'sources'].every((k) => Array.isArray(c[k]));

/**
 * Brings a backup's records to the current schema before they are validated: a backup from an
 * older version is migrated, not refused. Version 1 had no prefix-search terms (v002); every
 * contact is cut to the one set of limits, so what an older build stored (250 tags from a CSV,
 * a 2,100-character website) restores. Anything else is left for the validator to name.
 */
export function migrateBackupData(data: unknown, fromVersion: number): unknown {
  if (!isRecord(data) || !Array.isArray(data.contacts)) return data;
  const contacts = data.contacts.map((c: unknown) => {
    if (!isRecord(c) || !looksLikeContact(c)) return c;
    const contact = c as unknown as Contact;
    const migrated =
      fromVersion < 2 && !Array.isArray(c.searchTerms) ? { ...contact, searchTerms: [] } : contact;
    const limited = withinLimits(migrated);
    return { ...limited, searchTerms: searchTermsOf(limited) };
  });
  return { ...data, contacts };
}
