import { browser } from 'wxt/browser';
import { ALL_SITES_PATTERN, WEBMAIL_HOST_PATTERNS } from '@/lib/permissions/hosts';
import { providerForUrl } from '@/lib/webmail/provider';

/**
 * The built scripts, as injection names them (registration takes the same path without the
 * leading slash). Webmail always shows people, so it gets its scanner itself; every other granted
 * site gets the probe, which asks for the page scanner only when the page holds a contact signal.
 */
const SCRIPTS = {
  scanner: '/content-scripts/content.js',
  webmail: '/content-scripts/webmail.js',
  probe: '/content-scripts/probe.js',
} as const;
type Script = keyof typeof SCRIPTS;
const registered = (script: Script) => SCRIPTS[script].slice(1);
const IDS = { webmail: 'pipeline-scout-webmail', sites: 'pipeline-scout-sites' } as const;

/** Which registrations the granted origins call for: webmail hosts and every other granted host. */
export function plan(origins: string[]): { webmail: string[]; sites: string[] } {
  const webmail = origins.filter((o) => (WEBMAIL_HOST_PATTERNS as string[]).includes(o));
  const sites = origins.filter((o) => !webmail.includes(o));
  return { webmail, sites };
}

/**
 * Registers the scripts for the hosts the user granted, and unregisters them for the ones
 * revoked. Runs when the service worker starts and on every permission change; changes only
 * what differs, and only then injects into tabs already open. A fresh load of the extension (a
 * reload, an update, re-enabling it) injects into open tabs too: their old scripts stopped when
 * the extension went away, and the new version's take the pages over.
 */
export async function syncContentScripts(options: { freshLoad?: boolean } = {}): Promise<{
  webmail: boolean;
  allSites: boolean;
  registered: string[];
}> {
  const { origins = [] } = await browser.permissions.getAll();
  const wanted = plan(origins);
  const existing = (await browser.scripting.getRegisteredContentScripts()).filter((s) =>
    (Object.values(IDS) as string[]).includes(s.id),
  );
  const scripts: Parameters<typeof browser.scripting.registerContentScripts>[0] = [];
  if (wanted.webmail.length) {
    scripts.push({
      id: IDS.webmail,
      js: [registered('webmail')],
      matches: wanted.webmail,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  if (wanted.sites.length) {
    scripts.push({
      id: IDS.sites,
      js: [registered('probe')],
      matches: wanted.sites,
      excludeMatches: wanted.webmail.length ? wanted.webmail : undefined,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  // A waking service worker finds the registrations in place (they persist): nothing to redo.
  const changed = registrationKey(existing) !== registrationKey(scripts);
  if (changed) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    if (scripts.length) await browser.scripting.registerContentScripts(scripts);
  }
  if (changed || options.freshLoad) {
    await Promise.all(
      scripts.map((s) =>
        injectIntoOpenTabs(s.matches ?? [], s.id === IDS.webmail ? 'webmail' : 'probe', s.excludeMatches),
      ),
    );
  }
  return {
    webmail: WEBMAIL_HOST_PATTERNS.every((p) => origins.includes(p)),
    allSites: origins.includes(ALL_SITES_PATTERN),
    registered: scripts.flatMap((s) => s.matches ?? []),
  };
}

/** What a set of registrations amounts to, in a form that compares equal when nothing changed. */
export function registrationKey(
  scripts: { id: string; js?: string[]; matches?: string[]; excludeMatches?: string[] }[],
): string {
  const sorted = (list?: string[]) => [...(list ?? [])].sort();
  return JSON.stringify(
    [...scripts]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((s) => [
        s.id,
        sorted(s.js?.map((f) => f.replace(/^\//, ''))),
        sorted(s.matches),
        sorted(s.excludeMatches),
      ]),
  );
}

export async function accessStatus() {
  const { origins = [] } = await browser.permissions.getAll();
  const registered = (await browser.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
  return {
    webmail: WEBMAIL_HOST_PATTERNS.every((p) => origins.includes(p)),
    allSites: origins.includes(ALL_SITES_PATTERN),
    registered,
  };
}

/** Tabs already open on a newly granted host get their script now, not on their next load. */
async function injectIntoOpenTabs(patterns: string[], script: Script, exclude: string[] = []) {
  if (!patterns.length) return;
  const tabs = await browser.tabs.query({ url: patterns }).catch(() => []);
  const excluded = exclude.length
    ? new Set((await browser.tabs.query({ url: exclude }).catch(() => [])).map((t) => t.id))
    : new Set<number | undefined>();
  // Both scripts guard against running twice in one page.
  await Promise.all(
    tabs.map((t) => (t.id === undefined || excluded.has(t.id) ? undefined : inject(t.id, script))),
  );
}

async function inject(tabId: number, script: Script): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [SCRIPTS[script]] });
    return true;
  } catch {
    return false;
  }
}

/** The scanner a page address gets: Gmail and Outlook the webmail one, every other page the page one. */
export function scannerFor(url: string | undefined): 'scanner' | 'webmail' {
  return providerForUrl(url, { testHosts: import.meta.env.PS_TEST_HOSTS === '1' }) ? 'webmail' : 'scanner';
}

/** "Scan this page", and the probe's call: the tab's scanner (activeTab or a granted host). */
export async function injectScanner(tabId: number): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return inject(tabId, scannerFor(tab?.url));
}

export function watchPermissions(onChange: () => void) {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
}
