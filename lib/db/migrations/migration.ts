import type { IDBPDatabase, IDBPTransaction } from 'idb';

// Migrations see the database as it was at their version, not as the schema types say now.
export type AnyDb = IDBPDatabase<unknown>;
export type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** One schema step: a file of its own (`vNNN-what.ts`) with a fixture test of the data it moves. */
export interface Migration {
  version: number;
  describe: string;
  run(db: AnyDb, tx: AnyTx): void | Promise<void>;
}
