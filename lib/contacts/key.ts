import { normaliseEmail } from './email';

/**
 * The one identity of a person across the extension: the first valid email's matching key, else
 * `name:` and the lower-case name. Scanner, content script, background and badges all use it.
 */
export function contactKey(c: { emails: readonly string[]; name?: string }): string {
  for (const email of c.emails) {
    const key = normaliseEmail(email)?.key;
    if (key) return key;
  }
  return `name:${(c.name ?? '').toLocaleLowerCase()}`;
}
