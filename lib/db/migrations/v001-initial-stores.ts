import type { Migration } from './migration';

export const v001: Migration = {
  version: 1,
  describe: 'contacts, deals, activities and settings with their indexes',
  run(db) {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('byEmail', 'emailKeys', { unique: true, multiEntry: true });
    contacts.createIndex('byDomain', 'companyDomain');
    contacts.createIndex('byVerdict', 'fit.verdict');
    const deals = db.createObjectStore('deals', { keyPath: 'id' });
    deals.createIndex('byContact', 'contactId');
    deals.createIndex('byStatusStep', ['status', 'step']);
    deals.createIndex('byDue', 'dueAt');
    const activities = db.createObjectStore('activities', { keyPath: 'id' });
    activities.createIndex('bySubject', 'subjectId');
    db.createObjectStore('settings', { keyPath: 'key' });
  },
};
