import type { Contact } from '../contacts/contact';
import { openStore, type Store } from './open';
import { readStores } from './snapshot';

let counter = 0;

/** A store on a fresh fake-indexeddb database with a controllable clock and readable ids. */
export async function openTestStore(
  start = Date.UTC(2026, 0, 5, 9),
): Promise<Store & { tick(ms: number): void }> {
  let now = start;
  let id = 0;
  const store = await openStore({
    name: `test-${++counter}-${Math.random()}`,
    now: () => now,
    newId: () => `id-${++id}`,
  });
  return Object.assign(store, { tick: (ms: number) => void (now += ms) });
}

/** Every stored contact, read through the paged snapshot reader (tests only: production lists are bounded). */
export async function storedContacts(store: Store): Promise<Contact[]> {
  return (await readStores(store, ['contacts'])).contacts;
}
