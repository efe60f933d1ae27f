import { openDB, type IDBPDatabase } from 'idb';
import { asStoreError, StoreError } from './errors';
import { attachDb } from './internal';
import { DB_VERSION, runMigrations } from './migrations';
import { DB_NAME, type PipelineDB, type StoreName } from './schema';

export interface ChangeEvent {
  store: StoreName;
  ids: string[];
  kind: 'put' | 'delete' | 'clear';
  /** Set when the write came from team sync, so sync does not send it back. */
  source?: 'sync';
}
export type ChangeListener = (event: ChangeEvent) => void;

export interface Store {
  /** Emitted after a write transaction commits, so every open view can refresh. */
  emit(event: ChangeEvent): void;
  onChange(listener: ChangeListener): () => void;
  /** A clock the repositories stamp records with (injectable for tests). */
  now(): number;
  newId(): string;
  close(): void;
}

export interface OpenStoreOptions {
  name?: string;
  now?: () => number;
  newId?: () => string;
  /**
   * The connection is gone: another context opened a newer version (we close to let it upgrade)
   * or the browser terminated it. The owner drops this store and opens a new one when next asked.
   */
  onLost?: (reason: 'blocking' | 'terminated') => void;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  let db: IDBPDatabase<PipelineDB>;
  try {
    db = await openDB<PipelineDB>(options.name ?? DB_NAME, DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => runMigrations(database, oldVersion, tx),
      blocked: () => undefined,
      blocking: () => {
        db.close();
        options.onLost?.('blocking');
      },
      terminated: () => options.onLost?.('terminated'),
    });
  } catch (error) {
    const wrapped = asStoreError(error);
    throw wrapped.code === 'failed'
      ? new StoreError('unavailable', `The local database cannot be opened: ${wrapped.message}`, {
          cause: error,
        })
      : wrapped;
  }
  const listeners = new Set<ChangeListener>();
  const store: Store = {
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now: options.now ?? (() => Date.now()),
    newId: options.newId ?? (() => crypto.randomUUID()),
    close: () => db.close(),
  };
  attachDb(store, db);
  return store;
}

/** Write transactions of user data wait until the data is on disk. */
export const STRICT = { durability: 'strict' } as const;
