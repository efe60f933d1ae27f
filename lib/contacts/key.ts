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

/** The key of a badge's target: an address, or a name when the person has none. */
export function keyOfTarget(target: string): string {
  return normaliseEmail(target)?.key ?? `name:${target.replace(/^name:/, '').toLocaleLowerCase()}`;
}
