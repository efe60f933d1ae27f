import type { IDBPDatabase } from 'idb';
import type { PipelineDB } from './schema';

/**
 * The database handle behind a Store. Only lib/db's repositories reach it (this module is not
 * exported from lib/db's index): every other layer goes through a repository.
 */
const handles = new WeakMap<object, IDBPDatabase<PipelineDB>>();

export function attachDb(store: object, db: IDBPDatabase<PipelineDB>): void {
  handles.set(store, db);
}

export function dbOf(store: object): IDBPDatabase<PipelineDB> {
  const db = handles.get(store);
  if (!db) throw new Error('Store has no database (closed, or not made by openStore)');
  return db;
}

/** Gives up a transaction after a failure inside it: everything it wrote is undone. */
export function abandon(tx: { done: Promise<unknown>; abort(): void }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished: nothing left to undo.
  }
}

/** Runs `body` in a write transaction and waits for the commit; on a failure, the transaction is abandoned. */
export async function committed<T>(
  tx: { done: Promise<unknown>; abort(): void },
  body: () => Promise<T>,
): Promise<T> {
  let value: T;
  try {
    value = await body();
  } catch (error) {
    abandon(tx);
    throw error;
  }
  await tx.done;
  return value;
}
