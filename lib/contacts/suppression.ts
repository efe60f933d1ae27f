import { memoize } from '../memo';
import { normaliseEmail } from './email';

/** At most this many suppressed addresses are kept (hashes only). */
export const MAX_SUPPRESSED = 10_000;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The suppression key of an address: SHA-256 of its normalised matching key, so "never suggest
 * again" can be checked without keeping the address itself. Undefined for an invalid address.
 */
export async function suppressionHash(email: string): Promise<string | undefined> {
  const key = normaliseEmail(email)?.key;
  return key ? hashOfKey(key) : undefined;
}

// Pages report the same addresses again and again (rescans, deltas): each is hashed once.
const hashOfKey = memoize((key: string) => sha256Hex(`pipeline-scout:suppress:${key}`), 20_000);

/** The hashes of every valid address in `emails`, without duplicates. */
export async function suppressionHashes(emails: readonly string[]): Promise<string[]> {
  const hashes = await Promise.all(emails.map(suppressionHash));
  return [...new Set(hashes.filter((h): h is string => !!h))];
}

/**
 * The detected contacts none of whose addresses is suppressed. A contact with no address is
 * kept (nothing to match); a contact with any suppressed address is dropped whole.
 */
export async function withoutSuppressed<C extends { emails: readonly string[] }>(
  contacts: C[],
  suppressed: ReadonlySet<string>,
): Promise<C[]> {
  if (suppressed.size === 0) return contacts;
  const keep = await Promise.all(
    contacts.map(async (c) => (await suppressionHashes(c.emails)).every((h) => !suppressed.has(h))),
  );
  return contacts.filter((_, i) => keep[i]);
}
