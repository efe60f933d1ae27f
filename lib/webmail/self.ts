import { normaliseEmail } from '../contacts/email';
import type { MailView } from './types';

/**
 * The mailbox owner's keys: the owner, every signed-in address the page shows, and any address
 * the page itself labels as the reader ("me", "ich", "moi", "yo", "eu", "io", "mij", "ja", "jag",
 * "mig" in a Gmail recipient chip). The owner is never a prospect.
 */
const SELF_LABELS = new Set([
  'me',
  'ich',
  'moi',
  'yo',
  'eu',
  'io',
  'mij',
  'ik',
  'ja',
  'jag',
  'mig',
  'mich',
  'mí',
]);

export function ownKeys(view: MailView): Set<string> {
  const keys = new Set<string>();
  for (const email of [view.owner, ...(view.accounts ?? [])]) {
    const key = email ? normaliseEmail(email)?.key : undefined;
    if (key) keys.add(key);
  }
  for (const m of view.messages)
    for (const r of m.recipientElements) {
      const shown = (r.element.textContent ?? '').trim().toLowerCase();
      const key = normaliseEmail(r.participant.email)?.key;
      if (key && SELF_LABELS.has(shown)) keys.add(key);
    }
  return keys;
}

export function isOwn(keys: Set<string>, email: string | undefined): boolean {
  const key = email ? normaliseEmail(email)?.key : undefined;
  return !!key && keys.has(key);
}
