type StorageLike = Pick<StorageManager, 'persisted'> & Partial<Pick<StorageManager, 'persist'>>;

export type Persistence = 'persisted' | 'granted' | 'refused' | 'unsupported';

/**
 * Makes the extension's storage persistent (never evicted under disk pressure) where the context
 * can ask: Firefox's event page, whose `unlimitedStorage` grant answers without a prompt. Firefox
 * marks the origin persisted on its own only some time after install, so the rep's first
 * contacts would otherwise sit in evictable storage for a while; Chromium's worker has no
 * `persist()` (a window-only call) and keeps an unlimitedStorage extension's data anyway.
 *
 * (The parameter is not called `storage`: WXT's auto-imports would take that name for its own
 * storage module and put 7 kB into the worker.)
 */
export async function ensurePersistentStorage(
  manager: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<Persistence> {
  if (!manager?.persisted || typeof manager.persist !== 'function') return 'unsupported';
  if (await manager.persisted()) return 'persisted';
  return (await manager.persist()) ? 'granted' : 'refused';
}
