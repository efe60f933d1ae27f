import { describe, expect, test } from 'vitest';
import { TabStates } from './tab-state';

describe('tab states', () => {
  test('only tabs whose page reported are refreshed; a tab that navigates away is forgotten', () => {
    const tabs = new TabStates();
    tabs.setContacts(1, 'https://acme.de/team', []);
    tabs.setFocus(2, { contactId: 'c1' });
    tabs.setContacts(3, 'https://mail.google.com/', []);
    expect(tabs.reportedTabs()).toEqual([1, 3]);
    tabs.forget(3);
    expect(tabs.reportedTabs()).toEqual([1]);
    // A restarted service worker knows them from the session snapshot.
    let snapshot: unknown;
    new TabStates((s) => (snapshot = s)).setContacts(5, 'https://beta.de/', []);
    const restored = new TabStates();
    restored.restore(snapshot);
    expect(restored.reportedTabs()).toEqual([5]);
  });
});
