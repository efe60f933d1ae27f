import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { PipelineDB, StoreName } from '../schema';
import type { AnyDb, AnyTx, Migration } from './migration';
import { v001 } from './v001-initial-stores';
import { v002 } from './v002-prefix-search';
import { v003 } from './v003-threads';

export type { Migration } from './migration';

type UpgradeTx = IDBPTransaction<PipelineDB, StoreName[], 'versionchange'>;

/** Numbered migrations, one file each: a database at version N runs every migration above N, in order. */
export const MIGRATIONS: readonly Migration[] = [v001, v002, v003];

export const DB_VERSION = MIGRATIONS.at(-1)!.version;

export async function runMigrations(db: IDBPDatabase<PipelineDB>, oldVersion: number, tx: UpgradeTx) {
  for (const migration of MIGRATIONS) {
    if (oldVersion < migration.version) {
      await migration.run(db as unknown as AnyDb, tx as unknown as AnyTx);
    }
  }
}
