import type { Migration } from './migration';

export const v006: Migration = {
  version: 6,
  describe: 'threads linked to deals; e-mail activities keyed by the provider message id',
  run(db, tx) {
    const threads = db.createObjectStore('threads', { keyPath: 'id' });
    threads.createIndex('byDeal', 'dealId');
    threads.createIndex('byContact', 'contactId');
    threads.createIndex('byProspect', 'prospectKeys', { multiEntry: true });
    threads.createIndex('byFollowUp', 'followUpDueAt');
    threads.createIndex('byPending', 'pendingAt');
    const activities = tx.objectStore('activities');
    // Existing activities have no message id: a unique index skips records without the key.
    activities.createIndex('byMessage', 'messageId', { unique: true });
    activities.createIndex('byThread', 'threadRef');
  },
};
