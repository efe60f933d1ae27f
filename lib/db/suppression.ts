import { MAX_SUPPRESSED } from '../contacts/suppression';
import type { Store } from './open';
import { readSetting, writeSetting } from './settings-registry';

/** The suppressed address hashes ("never suggest again"). */
export async function suppressedHashes(store: Store): Promise<Set<string>> {
  return new Set(await readSetting(store, 'privacy.suppressed'));
}

/** Adds hashes to the suppression list (the oldest fall off past MAX_SUPPRESSED). */
export async function suppress(store: Store, hashes: string[]): Promise<void> {
  if (!hashes.length) return;
  const current = (await readSetting(store, 'privacy.suppressed')).filter((h) => !hashes.includes(h));
  await writeSetting(store, 'privacy.suppressed', [...current, ...hashes].slice(-MAX_SUPPRESSED));
}

export async function unsuppress(store: Store, hashes: string[]): Promise<void> {
  if (!hashes.length) return;
  const current = await readSetting(store, 'privacy.suppressed');
  await writeSetting(
    store,
    'privacy.suppressed',
    current.filter((h) => !hashes.includes(h)),
  );
}
