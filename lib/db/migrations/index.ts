import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PipelineDB } from '../schema';
import type { AnyDb, AnyTx, Migration } from './migration';
import { v001 } from './v001-initial-stores';
import { v002 } from './v002-prefix-search';
import { v003 } from './v003-address-guess';
import { v004 } from './v004-record-ownership';
import { v005 } from './v005-jobs';
import { v006 } from './v006-threads';

export type { Migration } from './migration';

type UpgradeTx = IDBPTransaction<PipelineDB, StoreNames<PipelineDB>[], 'versionchange'>;

/** Numbered migrations, one file each: a database at version N runs every migration above N, in order. */
export const MIGRATIONS: readonly Migration[] = [v001, v002, v003, v004, v005, v006];

export const DB_VERSION = MIGRATIONS.at(-1)!.version;

export async function runMigrations(db: IDBPDatabase<PipelineDB>, oldVersion: number, tx: UpgradeTx) {
  for (const migration of MIGRATIONS) {
    if (oldVersion < migration.version) {
      await migration.run(db as unknown as AnyDb, tx as unknown as AnyTx);
    }
  }
}
