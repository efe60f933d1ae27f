import type { Migration } from './migration';

export const v005: Migration = {
  version: 5,
  describe: 'long jobs: their records, staged input chunks and the undo journal of committed chunks',
  run(db) {
    const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
    jobs.createIndex('byState', 'state');
    db.createObjectStore('jobChunks', { keyPath: ['jobId', 'index'] });
    db.createObjectStore('jobUndo', { keyPath: ['jobId', 'index'] });
  },
};
