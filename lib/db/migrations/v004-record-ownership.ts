import type { Contact } from '../../contacts/contact';
import type { Migration } from './migration';

/**
 * The rep owns the record: every contact gets `edited` (when the rep set each field, so a later
 * detection never overwrites it) and `suggestions` (what pages said differently since); phones
 * and profile links get indexes, so likely duplicates are found without reading every contact.
 */
export const v004: Migration = {
  version: 4,
  describe: 'per-field edits and suggestions on contacts; contacts by phone and by profile link',
  async run(_db, tx) {
    const contacts = tx.objectStore('contacts');
    contacts.createIndex('byPhone', 'phones', { multiEntry: true });
    contacts.createIndex('byProfile', 'profiles', { multiEntry: true });
    let cursor = await contacts.openCursor();
    while (cursor) {
      const contact = cursor.value as Contact;
      await cursor.update({
        ...contact,
        edited: contact.edited ?? {},
        suggestions: contact.suggestions ?? [],
      });
      cursor = await cursor.continue();
    }
  },
};
