import { searchTermsOf, type Contact } from '../../contacts/contact';
import type { Migration } from './migration';

export const v002: Migration = {
  version: 2,
  describe: 'prefix search over name, company and email; activities by contact',
  async run(_db, tx) {
    const contacts = tx.objectStore('contacts');
    contacts.createIndex('byTerm', 'searchTerms', { multiEntry: true });
    tx.objectStore('activities').createIndex('byContact', 'contactId');
    let cursor = await contacts.openCursor();
    while (cursor) {
      const contact = cursor.value as Contact;
      await cursor.update({ ...contact, searchTerms: searchTermsOf(contact) });
      cursor = await cursor.continue();
    }
  },
};
