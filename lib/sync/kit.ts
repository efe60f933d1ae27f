import type PouchDB from 'pouchdb-core';
import type { Mirror, PouchKit, Replication, ReplicateOptions } from './mirror';

type PouchConstructor = typeof PouchDB;

/** A PouchKit over a PouchDB constructor with the http adapter, replication and a local adapter. */
export function createKit(Pouch: PouchConstructor, adapter: string): PouchKit {
  return {
    local: (name) => new Pouch(name, { adapter, auto_compaction: true }) as Mirror,
    remote(url, auth, fetcher) {
      const db = new Pouch(url, {
        adapter: 'http',
        // A missing database is an error the rep reads, not one silently created by a typo.
        skip_setup: true,
        ...(auth ? { auth } : {}),
        ...(fetcher ? { fetch: fetcher } : {}),
      }) as Mirror;
      // PouchDB 9.0.0's replicator reads the source's info after each batch, for progress
      // only, and never handles a failure of that read: a server gone at that moment would
      // be an unhandled rejection. The replication itself still fails and reports it.
      const info = db.info.bind(db);
      db.info = () => info().catch(() => ({ doc_count: 0, update_seq: 0 }));
      return db;
    },
    replicate: (from: Mirror, to: Mirror, options?: ReplicateOptions) =>
      Pouch.replicate(from, to, { ...options }) as Replication,
  };
}
