import { contactKey } from '@/lib/contacts/key';
import type { TabContact, TabState, MailSummaryWire } from '@/lib/messages';

/**
 * Bounds on what pages can make the background hold: contacts per tab (a report carries at most
 * 2,000; delta reports add up to this), and the storage.session snapshot (10 MB quota for the
 * whole extension) in contacts and in bytes. The tabs' newest states go in first.
 */
export const TAB_LIMITS = {
  contactsPerTab: 10_000,
  tabs: 500,
  snapshotContacts: 20_000,
  snapshotBytes: 4 * 1024 * 1024,
} as const;

type Persist = (snapshot: unknown) => Promise<void> | void;

export interface Focus {
  email?: string;
  contactId?: string;
}

/** Per-tab results and "the contact in front of the rep"; mirrored to session storage. */
export class TabStates {
  private readonly states = new Map<number, TabState & { focus?: Focus }>();
  private lastFocus: Focus & { tabId?: number } = {};

  constructor(
    private readonly persist?: Persist,
    private readonly log: (message: string) => void = (message) => console.warn(message),
  ) {}

  restore(snapshot: unknown) {
    const data = snapshot as
      { states?: [number, TabState & { focus?: Focus }][]; lastFocus?: Focus } | undefined;
    for (const [id, state] of data?.states ?? []) this.states.set(id, state);
    if (data?.lastFocus) this.lastFocus = data.lastFocus;
  }

  get(tabId: number): TabState & { focus?: Focus } {
    return this.states.get(tabId) ?? { contacts: [] };
  }

  setContacts(
    tabId: number,
    url: string | undefined,
    contacts: TabContact[],
    mail?: MailSummaryWire,
    now = Date.now(),
  ) {
    const previous = this.states.get(tabId);
    const state = {
      ...previous,
      url,
      contacts: contacts.slice(0, TAB_LIMITS.contactsPerTab),
      mail,
      scannedAt: now,
    };
    if (mail?.focusEmail)
      state.focus = {
        email: mail.focusEmail,
        contactId: contacts.find((c) => c.key === contactKey({ emails: [mail.focusEmail!] }))?.contactId,
      };
    this.states.delete(tabId);
    this.states.set(tabId, state);
    // Oldest first in the map: past the tab limit the oldest state goes.
    for (const id of this.states.keys()) {
      if (this.states.size <= TAB_LIMITS.tabs) break;
      this.states.delete(id);
    }
    if (state.focus) this.lastFocus = { ...state.focus, tabId };
    this.save();
  }

  setFocus(tabId: number | undefined, focus: Focus) {
    if (tabId !== undefined) {
      const state = this.get(tabId);
      this.states.set(tabId, { ...state, focus });
    }
    this.lastFocus = { ...focus, tabId };
    this.save();
  }

  focus(tabId?: number): Focus {
    if (tabId !== undefined) {
      const own = this.states.get(tabId)?.focus;
      if (own) return own;
    }
    return this.lastFocus;
  }

  forget(tabId: number) {
    this.states.delete(tabId);
    this.save();
  }

  /**
   * Removes a person from every tab: their detected entries (by address key or stored id) and any
   * focus on them. Returns the tabs that changed, so their badges can be refreshed.
   */
  dropPerson(contactId: string, keys: readonly string[]): number[] {
    const wanted = new Set(keys);
    const changed: number[] = [];
    for (const [tabId, state] of this.states) {
      const contacts = state.contacts.filter((c) => c.contactId !== contactId && !wanted.has(c.key));
      const focused =
        state.focus &&
        (state.focus.contactId === contactId ||
          wanted.has(contactKey({ emails: [state.focus.email ?? ''] })));
      if (contacts.length === state.contacts.length && !focused) continue;
      this.states.set(tabId, { ...state, contacts, focus: focused ? undefined : state.focus });
      changed.push(tabId);
    }
    if (
      this.lastFocus.contactId === contactId ||
      wanted.has(contactKey({ emails: [this.lastFocus.email ?? ''] }))
    )
      this.lastFocus = {};
    this.save();
    return changed;
  }

  /** Tabs whose page reported to us: the only ones with a scanner to refresh. */
  reportedTabs(): number[] {
    return [...this.states].filter(([, state]) => state.scannedAt !== undefined).map(([tabId]) => tabId);
  }

  leadCount(tabId: number): number {
    return this.get(tabId).contacts.filter((c) => c.fit.verdict === 'lead').length;
  }

  /** The newest tab states that fit the snapshot budget (contacts and bytes). */
  private snapshot() {
    const byAge = [...this.states].sort(([, a], [, b]) => (b.scannedAt ?? 0) - (a.scannedAt ?? 0));
    const states: typeof byAge = [];
    let contacts = 0;
    let bytes = 0;
    for (const entry of byAge) {
      const size = JSON.stringify(entry).length;
      if (contacts + entry[1].contacts.length > TAB_LIMITS.snapshotContacts) continue;
      if (bytes + size > TAB_LIMITS.snapshotBytes) continue;
      contacts += entry[1].contacts.length;
      bytes += size;
      states.push(entry);
    }
    if (states.length < byAge.length)
      this.log(
        `Pipeline Scout: ${byAge.length - states.length} tab state(s) left out of the session snapshot (budget).`,
      );
    return { states, lastFocus: this.lastFocus };
  }

  /**
   * Mirrors the states to session storage. A failed write is logged and the oldest tab state in
   * the snapshot left out of it before one more try: the others keep surviving a worker restart
   * (the tab's state stays in memory for as long as the worker runs).
   */
  private save(retry = true, leaveOut?: number) {
    if (!this.persist) return;
    const snapshot = this.snapshot();
    if (leaveOut !== undefined) snapshot.states = snapshot.states.filter(([id]) => id !== leaveOut);
    let pending: Promise<void> | void;
    try {
      pending = this.persist(snapshot);
    } catch (error) {
      pending = Promise.reject(error);
    }
    void Promise.resolve(pending).catch((error: unknown) => {
      const oldest = [...snapshot.states].sort(([, a], [, b]) => (a.scannedAt ?? 0) - (b.scannedAt ?? 0))[0];
      this.log(
        `Pipeline Scout: saving the tab states failed (${(error as Error)?.message ?? String(error)}); ` +
          (oldest && retry ? `leaving the oldest (tab ${oldest[0]}) out and trying again.` : 'giving up.'),
      );
      if (oldest && retry) this.save(false, oldest[0]);
    });
  }
}
