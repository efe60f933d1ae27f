/**
 * True only the first time a script asks in this page: a registered script and an injection
 * ("Scan this page", the probe's call, a newly granted host) may both run it in one page.
 */
export function firstRunInPage(flag: string): boolean {
  const w = window as unknown as Record<string, unknown>;
  if (w[flag]) return false;
  w[flag] = true;
  return true;
}
