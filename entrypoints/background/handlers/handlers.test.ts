import { describe, expect, test } from 'vitest';
import { openTestStore } from '@/lib/db/test-store';
import { compileProfile, DEFAULT_PROFILE } from '@/lib/fit';
import { readSetting } from '@/lib/db';
import { createHandlers } from './index';
import { TabStates } from '../tab-state';
import type { Services } from '../services';
import type { RequestContext } from '../router';
import { setUpChangeFeed } from '../change-feed';
import { MAX_HEALTH_NAMES } from './page';

async function setup() {
  const store = await openTestStore();
  const events: string[] = [];
  const refreshed: number[] = [];
  const services: Services = {
    store: async () => store,
    tabs: new TabStates(),
    activeProfile: async () => compileProfile(DEFAULT_PROFILE),
    locale: async () => 'en',
    now: () => store.now(),
    openSidebar: async () => true,
    injectScanner: async () => true,
    refreshTab: (tabId) => void refreshed.push(tabId),
    broadcast: (e) => events.push(e.kind),
    healthReport: { pages: 0, anchors: {} },
    access: {
      status: async () => ({ webmail: false, allSites: false, registered: [] }),
      sync: async () => ({ webmail: false, allSites: false, registered: [] }),
    },
  };
  setUpChangeFeed(services, store, (e) => events.push(e.kind));
  return { h: createHandlers(services), services, store, events, refreshed };
}

/** The change feed runs after the task that wrote: wait for it. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

const fromTab: RequestContext = { context: 'content', tabId: 3, tabUrl: 'https://acme.de/team' };
const page: RequestContext = { context: 'page' };
const markus = {
  name: 'Markus Weber',
  title: 'Head of Procurement',
  emails: ['markus@acme.de'],
  phones: [],
  profiles: [],
  detectors: ['card'],
};

describe('background handlers', () => {
  test('a report is scored, kept per tab, and badges carry the stage once a deal exists', async () => {
    const { h, services } = await setup();
    const first = await h['page/report']({ contacts: [markus] }, fromTab);
    expect(first.badges[0]).toMatchObject({ key: 'markus@acme.de', verdict: 'lead', saved: false });
    expect(first.badges[0]?.stage).toBeUndefined();
    expect(services.tabs.get(3).url).toBe('https://acme.de/team');

    const { contact } = await h['contacts/add']({ contact: markus, sourceUrl: 'https://acme.de/team' }, page);
    expect(contact.sources[0]).toMatchObject({ url: 'https://acme.de/team', detector: 'card' });
    const started = await h['deals/start']({ contactId: contact.id }, page);
    expect(started).toMatchObject({ existing: false, deal: { step: 'initiate' } });
    // Starting again opens the same deal instead of a duplicate.
    expect(await h['deals/start']({ contactId: contact.id }, page)).toMatchObject({
      existing: true,
      deal: { id: started.deal.id },
    });

    await settled();
    const again = await h['page/badges']({ emails: [] }, fromTab);
    expect(again.badges[0]?.stage).toEqual({ step: 'initiate', status: 'open' });
  });

  test('one save causes one refresh: one changed event, one badge refresh per reported tab, no tab event', async () => {
    const { h, events, refreshed } = await setup();
    await h['page/report']({ contacts: [markus] }, fromTab);
    await h['page/report']({ contacts: [] }, { ...fromTab, tabId: 4 });
    events.length = 0;
    const { contact } = await h['contacts/add']({ contact: markus, sourceUrl: 'https://acme.de/team' }, page);
    await settled();
    expect(events).toEqual(['changed']);
    expect(refreshed.sort()).toEqual([3, 4]);
    // Starting a deal: one changed event, and the badge now carries the stage without a reread.
    events.length = 0;
    await h['deals/start']({ contactId: contact.id }, page);
    await settled();
    expect(events).toEqual(['changed']);
    // Reading badges afterwards tells nobody anything.
    events.length = 0;
    await h['page/badges']({ emails: [] }, fromTab);
    await settled();
    expect(events).toEqual([]);
  });

  test('replies to a page carry only what the badge shows: no id, stored field or reason', async () => {
    const { h } = await setup();
    const { contact } = await h['contacts/add'](
      { contact: { ...markus, title: 'Stored Secret Title', company: 'Stored Secret GmbH' } },
      page,
    );
    await h['deals/start']({ contactId: contact.id }, page);
    await settled();
    // The page names the address only: nothing it did not supply may come back.
    const bare = { emails: ['markus@acme.de'], phones: [], profiles: [], detectors: ['card'] };
    const replies = [
      await h['page/report']({ contacts: [bare] }, fromTab),
      await h['page/badges']({ emails: [] }, fromTab),
    ];
    for (const reply of replies) {
      const [badge] = reply.badges;
      expect(Object.keys(badge!).sort()).toEqual(['key', 'saved', 'score', 'stage', 'verdict']);
      const text = JSON.stringify(reply);
      for (const secret of [contact.id, 'Stored Secret', 'Procurement', 'Markus'])
        expect(text).not.toContain(secret);
    }
  });

  test('the anchor-health tally keeps a bounded set of names whatever pages report', async () => {
    const { h, services } = await setup();
    for (let r = 0; r < 10; r++) {
      const health = Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => [`anchor-${r}-${i}`, { found: 1, missing: 0 }]),
      );
      await h['page/report']({ contacts: [], health }, fromTab);
    }
    expect(Object.keys(services.healthReport.anchors)).toHaveLength(MAX_HEALTH_NAMES);
  });

  test('a mail summary (and its focus) from a tab that is not webmail is refused', async () => {
    const { h, services } = await setup();
    const mail = { provider: 'gmail' as const, subject: 'Hi', focusEmail: 'markus@acme.de' };
    await expect(h['page/report']({ contacts: [markus], mail }, fromTab)).rejects.toThrow(/webmail/);
    expect(services.tabs.focus(3).email).toBeUndefined();
    expect(services.tabs.get(3).mail).toBeUndefined();
    const gmailTab = { ...fromTab, tabId: 9, tabUrl: 'https://mail.google.com/mail/u/0/#inbox/abc' };
    await h['page/report']({ contacts: [markus], mail }, gmailTab);
    expect(services.tabs.focus(9).email).toBe('markus@acme.de');
  });

  test('the probe loads the scanner into its own tab, whatever it says', async () => {
    const { h, services } = await setup();
    const injected: number[] = [];
    services.injectScanner = async (tabId) => (injected.push(tabId), true);
    expect(await h['page/activate']({}, fromTab)).toEqual({ injected: true });
    expect(injected).toEqual([fromTab.tabId]);
  });

  test('a page can only focus contacts it reported', async () => {
    const { h, services } = await setup();
    await h['page/report']({ contacts: [markus] }, fromTab);
    expect(await h['page/open-contact']({ email: 'someone.else@bank.example' }, fromTab)).toEqual({
      opened: false,
    });
    expect(await h['page/open-contact']({ email: 'MARKUS@acme.de' }, fromTab)).toEqual({ opened: true });
    expect(services.tabs.focus(3).email).toBe('markus@acme.de');
    const view = await h['focus/get']({ tabId: 3 }, page);
    expect(view.unsaved?.name).toBe('Markus Weber');
  });

  test('an invalid criteria profile is refused and the active one stays', async () => {
    const { h, store } = await setup();
    await expect(
      h['settings/save-profile'](
        {
          profile: {
            id: 'x',
            name: 'X',
            thresholds: { lead: 1, maybe: 0 },
            rules: [{ id: 'r', kind: 'field-regex', field: 'title', pattern: '(a)\\1', weight: 1 }],
          },
          activate: true,
        },
        page,
      ),
    ).rejects.toThrow(/backreferences and lookaround/);
    expect(await readSetting(store, 'fit.active')).toBe('default-b2b');
  });

  test('conflicting edits are reported, not overwritten', async () => {
    const { h } = await setup();
    const { contact } = await h['contacts/add']({ contact: markus }, page);
    const { deal } = await h['deals/start']({ contactId: contact.id }, page);
    await h['deals/transition'](
      { dealId: deal.id, expectedVersion: deal.version, action: 'advance', note: 'called at the fair' },
      page,
    );
    await expect(
      h['deals/transition']({ dealId: deal.id, expectedVersion: deal.version, action: 'back' }, page),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  test('due and board views', async () => {
    const { h, store } = await setup();
    const { contact } = await h['contacts/add']({ contact: markus }, page);
    await h['deals/start']({ contactId: contact.id }, page);
    store.tick(3 * 86_400_000);
    const due = await h['deals/due']({ until: store.now() }, page);
    expect(due[0]?.next).toMatchObject({ text: 'Log your first outreach to Markus Weber', overdue: true });
    const columns = await h['deals/board']({ statuses: ['open'] }, page);
    expect(columns.find((c) => c.step === 'initiate')).toMatchObject({ count: 1 });
  });
});
