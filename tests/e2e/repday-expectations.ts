/**
 * What the rep's day expects, whichever browser runs it (repday.e2e.ts in Chromium,
 * repday.firefox.e2e.ts in Firefox): same fixture pages, same names, same texts.
 */
export const DAY = {
  /** The fixture pages (demo/site). */
  team: '/team.html',
  gmail: '/gmail.html',
  /** The contact the rep works on and why the scorer flags him. */
  person: 'Markus Weber',
  otherLead: /Jana Schubert|Markus Weber/,
  leadBadges: 2,
  badgeTitle: /Head of Procurement\nLead \(\d+\)/,
  reason: /\+30: title 'Head of Procurement' matches seniority Head/,
  dealStarted: /Opportunity development · Initiate contact/,
  stageBadge: 'Initiate contact',
  nextStep: /Log your first outreach to Markus Weber/,
  currentStep: /Initiate contact/,
  chipWithDeal: /Markus Weber[\s\S]*Initiate contact/,
  searchFor: 'markus',
  deleteConfirmLabel: 'Type DELETE to remove every contact, deal and note',
  restorePreview: /contacts: \d+ added/,
  restored: /Restored/,
} as const;

/** The stores a backup holds. */
export const BACKUP_STORES = ['contacts', 'deals', 'activities', 'settings'] as const;

/**
 * Reads every record of the given stores from the extension's database. Runs inside the
 * extension (Chromium's service worker, a Firefox extension page): self-contained on purpose.
 */
export async function dumpStores(names: readonly string[]): Promise<Record<string, unknown[]>> {
  const open = indexedDB.open('pipeline-scout');
  const db: IDBDatabase = await new Promise(
    (ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))),
  );
  const out: Record<string, unknown[]> = {};
  for (const name of names) {
    out[name] = await new Promise((ok, ko) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
  }
  db.close();
  return out;
}
