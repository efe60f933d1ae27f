import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { searchTermsOf, type Contact } from '../contacts/contact';
import type { PipelineDB, StoreName } from './schema';

type UpgradeTx = IDBPTransaction<PipelineDB, StoreName[], 'versionchange'>;
// Migrations see the database as it was at their version, not as the schema types say now.
type AnyDb = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface Migration {
  version: number;
  describe: string;
  run(db: AnyDb, tx: AnyTx): void | Promise<void>;
}

/** Numbered migrations: a database at version N runs every migration above N, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
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
  },
  {
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
  },
];

export const DB_VERSION = MIGRATIONS.at(-1)!.version;

export async function runMigrations(db: IDBPDatabase<PipelineDB>, oldVersion: number, tx: UpgradeTx) {
  for (const migration of MIGRATIONS) {
    if (oldVersion < migration.version) {
      await migration.run(db as unknown as AnyDb, tx as unknown as AnyTx);
    }
  }
}
