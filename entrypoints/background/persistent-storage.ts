type StorageLike = Pick<StorageManager, 'persisted'> & Partial<Pick<StorageManager, 'persist'>>;

export type Persistence = 'persisted' | 'granted' | 'refused' | 'unsupported';

/**
 * Makes the extension's storage persistent (never evicted under disk pressure) where the context
 * can ask: Firefox's event page, whose `unlimitedStorage` grant answers without a prompt. Firefox
 * marks the origin persisted on its own only some time after install, so the rep's first
 * contacts would otherwise sit in evictable storage for a while; Chromium's worker has no
 * `persist()` (a window-only call) and keeps an unlimitedStorage extension's data anyway.
 */
export async function ensurePersistentStorage(
  storage: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<Persistence> {
  if (!storage?.persisted || typeof storage.persist !== 'function') return 'unsupported';
  if (await storage.persisted()) return 'persisted';
  return (await storage.persist()) ? 'granted' : 'refused';
}
