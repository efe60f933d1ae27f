import { asStoreError } from './errors';
import { abandon, dbOf } from './internal';
import { STRICT, type Store } from './open';
import { STORE_NAMES, type BackupStoreName, type PipelineDB } from './schema';

export type Snapshot = { [K in BackupStoreName]: PipelineDB[K]['value'][] };

export interface ReadOptions {
  /** Called after every page with the records read so far, of `total` (all stores together). */
  progress?(read: number, total: number): void;
  /** Aborted: the read stops between two pages and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Records per page (one request each). */
  pageSize?: number;
}

/** Records per page read: a big store is read in bounded requests, never one getAll. */
export const READ_PAGE = 2_000;

/**
 * The records of the given stores, read in one transaction (a consistent picture) page by page
 * in key order: each page is one bounded request, progress is reported after each.
 */
export async function readStores<N extends BackupStoreName>(
  store: Store,
  names: readonly N[],
  options: ReadOptions = {},
): Promise<Pick<Snapshot, N>> {
  const { progress, signal, pageSize = READ_PAGE } = options;
  signal?.throwIfAborted();
  const tx = dbOf(store).transaction([...names]);
  const total = (await Promise.all(names.map((name) => tx.objectStore(name).count()))).reduce(
    (a, b) => a + b,
    0,
  );
  progress?.(0, total);
  const out = {} as Record<N, unknown[]>;
  let read = 0;
  for (const name of names) {
    const os = tx.objectStore(name);
    const keyPath = os.keyPath as string;
    const records: unknown[] = (out[name] = []);
    let after: IDBValidKey | undefined;
    for (;;) {
      if (signal?.aborted) {
        abandon(tx);
        throw signal.reason;
      }
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const page = (await os.getAll(range, pageSize)) as unknown as Record<string, unknown>[];
      for (const r of page) records.push(r);
      read += page.length;
      progress?.(read, total);
      if (page.length < pageSize) break;
      after = page.at(-1)![keyPath] as IDBValidKey;
    }
  }
  await tx.done;
  signal?.throwIfAborted();
  return out as unknown as Pick<Snapshot, N>;
}

/** Every record of every store, read in one transaction: a consistent snapshot. */
export function readSnapshot(store: Store, options: ReadOptions = {}): Promise<Snapshot> {
  return readStores(store, STORE_NAMES, options);
}

/** The keys of every store, read in one transaction. */
export async function snapshotKeys(store: Store): Promise<Record<BackupStoreName, Set<string>>> {
  const tx = dbOf(store).transaction([...STORE_NAMES]);
  const entries = await Promise.all(
    STORE_NAMES.map(async (name) => [name, new Set((await tx.objectStore(name).getAllKeys()) as string[])]),
  );
  return Object.fromEntries(entries) as Record<BackupStoreName, Set<string>>;
}

export interface ReplaceOptions {
  /** Called as records are written (count so far, of `total`), from inside the transaction. */
  progress?(written: number, total: number): void;
  /** Aborted: the transaction is rolled back, every store stays exactly as it was. */
  signal?: AbortSignal;
}

/** Puts written between two progress reports. */
const REPORT_EVERY = 1_000;

/**
 * Replaces every store's records with the given ones in one transaction: all of it, or nothing.
 * A backup without threads (format 1) clears them (their links would point at deals that may be
 * gone); a re-read links again. An abort through `signal` rolls the transaction back.
 */
export async function replaceEverything(
  store: Store,
  data: Snapshot | undefined,
  options: ReplaceOptions = {},
): Promise<void> {
  const { progress, signal } = options;
  try {
    signal?.throwIfAborted();
    const tx = dbOf(store).transaction([...STORE_NAMES], 'readwrite', STRICT);
    const abort = () => abandon(tx);
    signal?.addEventListener('abort', abort, { once: true });
    try {
      await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
      const total = data ? STORE_NAMES.reduce((n, name) => n + data[name].length, 0) : 0;
      let written = 0;
      progress?.(0, total);
      const counted = () => {
        written++;
        if (written % REPORT_EVERY === 0 || written === total) progress?.(written, total);
      };
      if (data)
        await Promise.all(
          STORE_NAMES.flatMap((name) =>
            (data[name] as PipelineDB[typeof name]['value'][]).map((r) =>
              (tx.objectStore(name).put as (v: unknown) => Promise<unknown>)(r).then(counted),
            ),
          ),
        );
      await tx.done;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
    // Committed: an abort that came too late changes nothing, and the caller is told it is done.
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw asStoreError(error);
  }
  for (const name of STORE_NAMES) store.emit({ store: name, ids: [], kind: 'clear' });
}
