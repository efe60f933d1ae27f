import { contactKey } from '@/lib/contacts/key';
import type { TabContact, TabState, MailSummaryWire } from '@/lib/messages';

export interface Focus {
  email?: string;
  contactId?: string;
}

/** Per-tab results and "the contact in front of the rep"; mirrored to session storage. */
export class TabStates {
  private readonly states = new Map<number, TabState & { focus?: Focus }>();
  private lastFocus: Focus & { tabId?: number } = {};

  constructor(private readonly persist?: (snapshot: unknown) => void) {}

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
    const state = { ...previous, url, contacts, mail, scannedAt: now };
    if (mail?.focusEmail)
      state.focus = {
        email: mail.focusEmail,
        contactId: contacts.find((c) => c.key === contactKey({ emails: [mail.focusEmail!] }))?.contactId,
      };
    this.states.set(tabId, state);
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

  private save() {
    this.persist?.({ states: [...this.states], lastFocus: this.lastFocus });
  }
}
