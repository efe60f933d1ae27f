import { browser } from 'wxt/browser';
import { ALL_SITES_PATTERN, WEBMAIL_HOST_PATTERNS } from '@/lib/permissions/hosts';

/** The built content script (registration takes a path relative to the root; injection one from it). */
const SCRIPT_FILE = 'content-scripts/content.js';
const INJECT_FILE = '/content-scripts/content.js' as const;
const IDS = { webmail: 'pipeline-scout-webmail', sites: 'pipeline-scout-sites' } as const;

/** Which registrations the granted origins call for: webmail hosts and every other granted host. */
export function plan(origins: string[]): { webmail: string[]; sites: string[] } {
  const webmail = origins.filter((o) => (WEBMAIL_HOST_PATTERNS as string[]).includes(o));
  const sites = origins.filter((o) => !webmail.includes(o));
  return { webmail, sites };
}

/**
 * Registers the content script for the hosts the user granted, and unregisters it for the
 * ones revoked. Runs at start-up and on every permission change.
 */
export async function syncContentScripts(): Promise<{
  webmail: boolean;
  allSites: boolean;
  registered: string[];
}> {
  const { origins = [] } = await browser.permissions.getAll();
  const wanted = plan(origins);
  const existing = await browser.scripting.getRegisteredContentScripts();
  const ours = existing.map((s) => s.id).filter((id) => (Object.values(IDS) as string[]).includes(id));
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
  const scripts: Parameters<typeof browser.scripting.registerContentScripts>[0] = [];
  if (wanted.webmail.length) {
    scripts.push({
      id: IDS.webmail,
      js: [SCRIPT_FILE],
      matches: wanted.webmail,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  if (wanted.sites.length) {
    scripts.push({
      id: IDS.sites,
      js: [SCRIPT_FILE],
      matches: wanted.sites,
      excludeMatches: wanted.webmail.length ? wanted.webmail : undefined,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  if (scripts.length) await browser.scripting.registerContentScripts(scripts);
  await injectIntoOpenTabs(scripts.flatMap((s) => s.matches ?? []));
  return {
    webmail: WEBMAIL_HOST_PATTERNS.every((p) => origins.includes(p)),
    allSites: origins.includes(ALL_SITES_PATTERN),
    registered: scripts.flatMap((s) => s.matches ?? []),
  };
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

/** Tabs already open on a newly granted host get the script now, not on their next load. */
async function injectIntoOpenTabs(patterns: string[]) {
  if (!patterns.length) return;
  const tabs = await browser.tabs.query({ url: patterns }).catch(() => []);
  // The script guards against running twice in one page.
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : injectScanner(t.id))));
}

/** "Scan this page": injects the scanner into one tab through activeTab (or a granted host). */
export async function injectScanner(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [INJECT_FILE] });
    return true;
  } catch {
    return false;
  }
}

export function watchPermissions(onChange: () => void) {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
}
