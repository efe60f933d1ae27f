import { asStoreError } from './errors';
import { dbOf } from './internal';
import { STRICT, type Store } from './open';
import { STORE_NAMES, type BackupStoreName, type PipelineDB } from './schema';

export type Snapshot = { [K in BackupStoreName]: PipelineDB[K]['value'][] };

/** Every record of every store, read in one transaction: a consistent snapshot. */
export async function readSnapshot(store: Store): Promise<Snapshot> {
  const tx = dbOf(store).transaction([...STORE_NAMES]);
  const [contacts, deals, activities, settings] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('deals').getAll(),
    tx.objectStore('activities').getAll(),
    tx.objectStore('settings').getAll(),
  ]);
  return { contacts, deals, activities, settings };
}

/** The keys of every store, read in one transaction. */
export async function snapshotKeys(store: Store): Promise<Record<BackupStoreName, Set<string>>> {
  const tx = dbOf(store).transaction([...STORE_NAMES]);
  const entries = await Promise.all(
    STORE_NAMES.map(async (name) => [name, new Set((await tx.objectStore(name).getAllKeys()) as string[])]),
  );
  return Object.fromEntries(entries) as Record<BackupStoreName, Set<string>>;
}

/**
 * Replaces every store's records with the given ones in one transaction: all of it, or nothing.
 * Threads are cleared too (their links would point at deals that may be gone); a re-read links again.
 */
export async function replaceEverything(store: Store, data: Snapshot | undefined): Promise<void> {
  try {
    const tx = dbOf(store).transaction([...STORE_NAMES, 'threads'], 'readwrite', STRICT);
    await Promise.all([...STORE_NAMES, 'threads' as const].map((name) => tx.objectStore(name).clear()));
    if (data)
      await Promise.all([
        ...data.contacts.map((r) => tx.objectStore('contacts').put(r)),
        ...data.deals.map((r) => tx.objectStore('deals').put(r)),
        ...data.activities.map((r) => tx.objectStore('activities').put(r)),
        ...data.settings.map((r) => tx.objectStore('settings').put(r)),
      ]);
    await tx.done;
  } catch (error) {
    throw asStoreError(error);
  }
  for (const name of [...STORE_NAMES, 'threads' as const])
    store.emit({ store: name, ids: [], kind: 'clear' });
}
