import type * as Checks from '@/lib/contacts/checks';
import { requireNow } from './require-now';

/**
 * lib/contacts/checks.ts in the chunked worker (scripts/build/worker-chunks.ts): tldts' suffix
 * trie and libphonenumber's metadata are compiled with the first address or phone checked,
 * not at every wake.
 */
const checks = requireNow<typeof Checks>('chunks/worker-checks.js');

export const domainInfo: typeof Checks.domainInfo = (host) => checks().domainInfo(host);
export const possiblePhone: typeof Checks.possiblePhone = (text, region) =>
  checks().possiblePhone(text, region);
// The worker holds the tables itself: no answer is ever missing (nothing to load for that).
export const uncheckedAnswers: typeof Checks.uncheckedAnswers = () => 0;
