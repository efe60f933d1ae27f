import { openStore, StoreError, type Store } from '@/lib/db';

let opening: Promise<Store> | undefined;

/** The one database connection of the extension; only the background opens it. */
export function getStore(): Promise<Store> {
  opening ??= openStore().catch((error: unknown) => {
    // Let the next request try again (a profile may unlock storage later).
    opening = undefined;
    throw error instanceof StoreError
      ? error
      : new StoreError('unavailable', 'The local database cannot be opened in this browser profile.', {
          cause: error,
        });
  });
  return opening;
}
