import type { Migration } from './migration';

export const v003: Migration = {
  version: 3,
  describe: 'contacts by guessed address, so an address seen for real joins the contact it was guessed for',
  run(_db, tx) {
    // Sparse: only contacts with a guess have `proposedEmail.key`; nothing to rewrite.
    tx.objectStore('contacts').createIndex('byGuess', 'proposedEmail.key');
  },
};
