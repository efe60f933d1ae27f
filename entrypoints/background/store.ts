import { openStore, StoreError, type Store } from '@/lib/db';

let opening: Promise<Store> | undefined;
let current: Store | undefined;
const onOpen = new Set<(store: Store) => void>();

/** Runs for the store once it is open (now, if it is, and again if it is ever reopened). */
export function whenStoreOpens(callback: (store: Store) => void): void {
  onOpen.add(callback);
  if (current) callback(current);
}

/** The one database connection of the extension; only the background opens it. */
export function getStore(): Promise<Store> {
  opening ??= openStore({
    // A lost connection (a newer version upgrading, or the browser closing it) is reopened on
    // the next request instead of failing every one after it.
    onLost: () => {
      opening = undefined;
      current = undefined;
    },
  }).then(
    (store) => {
      current = store;
      for (const callback of onOpen) callback(store);
      return store;
    },
    (error: unknown) => {
      // Let the next request try again (a profile may unlock storage later).
      opening = undefined;
      throw error instanceof StoreError
        ? error
        : new StoreError('unavailable', 'The local database cannot be opened in this browser profile.', {
            cause: error,
          });
    },
  );
  return opening;
}
