import { asStoreError } from './errors';
import { STRICT, type Store } from './open';
import { dbOf } from './internal';

export async function getSetting<T>(store: Store, key: string): Promise<T | undefined> {
  return (await dbOf(store).get('settings', key))?.value as T | undefined;
}

export function putSetting(store: Store, key: string, value: unknown, source?: 'sync'): Promise<void> {
  return changeSetting(store, key, () => value, source);
}

/**
 * Reads a setting and writes what `next` makes of it in one transaction: two writers of the same
 * list (a save in Settings, a teammate's profile arriving) cannot drop each other's change.
 * `next` returning undefined leaves the setting as it is (nothing written, no change event).
 */
export async function changeSetting(
  store: Store,
  key: string,
  next: (current: unknown) => unknown,
  source?: 'sync',
): Promise<void> {
  try {
    const tx = dbOf(store).transaction('settings', 'readwrite', STRICT);
    const current = await tx.store.get(key);
    const value = next(current?.value);
    if (value === undefined) return await tx.done;
    const now = store.now();
    await tx.store.put({
      key,
      value,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
      version: (current?.version ?? 0) + 1,
    });
    await tx.done;
    store.emit({ store: 'settings', ids: [key], kind: 'put', ...(source ? { source } : {}) });
  } catch (error) {
    throw asStoreError(error);
  }
}
