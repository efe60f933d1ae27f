/**
 * True only the first time a script asks in this page: a registered script and an injection
 * ("Scan this page", the probe's call, a newly granted host) may both run it in one page. A
 * script that holds the page with `alive` gives it up once that says false (the extension was
 * reloaded under it), so the new version's script can take over.
 */
export function firstRunInPage(flag: string, alive?: () => boolean): boolean {
  const w = window as unknown as Record<string, unknown>;
  const held = w[flag];
  if (typeof held === 'function' ? (held as () => boolean)() : held) return false;
  w[flag] = alive ?? true;
  return true;
}
