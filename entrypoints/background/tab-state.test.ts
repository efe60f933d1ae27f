import { describe, expect, test } from 'vitest';
import type { TabContact } from '@/lib/messages';
import { TAB_LIMITS, TabStates } from './tab-state';

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
    new TabStates((s) => void (snapshot = s)).setContacts(5, 'https://beta.de/', []);
    const restored = new TabStates();
    restored.restore(snapshot);
    expect(restored.reportedTabs()).toEqual([5]);
  });
});

const contact = (i: number, tab = 0): TabContact => ({
  key: `p${i}@t${tab}.de`,
  name: `Person ${i}`,
  emails: [`p${i}@t${tab}.de`],
  phones: [],
  profiles: [],
  detectors: ['card'],
  fit: { score: 50, verdict: 'maybe', reasons: [], criteriaId: 'default' },
});

describe('bounded tab state', () => {
  test('a page reporting 24,000 contacts in batches keeps at most the per-tab limit', async () => {
    const tabs = new TabStates();
    let all: TabContact[] = [];
    for (let start = 0; start < 24_000; start += 2_000) {
      all = [...all, ...Array.from({ length: 2_000 }, (_, i) => contact(start + i))];
      tabs.setContacts(1, 'https://big.example/', all);
      all = tabs.get(1).contacts;
    }
    expect(tabs.get(1).contacts).toHaveLength(TAB_LIMITS.contactsPerTab);
  });

  test('the session snapshot stays under its budget: newest tabs first, the rest left out', () => {
    let snapshot: { states: [number, { contacts: unknown[] }][] } | undefined;
    const tabs = new TabStates(async (s) => void (snapshot = s as typeof snapshot));
    for (let tab = 1; tab <= 8; tab++)
      tabs.setContacts(
        tab,
        `https://t${tab}.example/`,
        Array.from({ length: 5_000 }, (_, i) => contact(i, tab)),
        undefined,
        tab,
      );
    const kept = snapshot!.states.reduce((n, [, s]) => n + s.contacts.length, 0);
    expect(kept).toBeLessThanOrEqual(TAB_LIMITS.snapshotContacts);
    expect(snapshot!.states.map(([id]) => id)).toContain(8);
    expect(snapshot!.states.map(([id]) => id)).not.toContain(1);
    expect(JSON.stringify(snapshot).length).toBeLessThanOrEqual(TAB_LIMITS.snapshotBytes);
  });

  test('a failed session write is logged and the oldest tab state dropped, never silently', async () => {
    const logged: string[] = [];
    let writes = 0;
    let last: { states: [number, unknown][] } | undefined;
    const tabs = new TabStates(
      async (snapshot) => {
        writes++;
        if (writes === 2) throw new Error('QUOTA_BYTES quota exceeded');
        last = snapshot as typeof last;
      },
      (message) => logged.push(message),
    );
    tabs.setContacts(1, 'https://old.example/', [contact(1, 1)], undefined, 1);
    tabs.setContacts(2, 'https://new.example/', [contact(1, 2)], undefined, 2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(logged.join()).toMatch(/quota exceeded/);
    expect(writes).toBe(3);
    // The retry left the oldest tab out of the snapshot; the worker still knows both.
    expect(last!.states.map(([id]) => id)).toEqual([2]);
    expect(tabs.reportedTabs()).toEqual([1, 2]);
  });
});
