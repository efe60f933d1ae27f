import { describe, expect, test } from 'vitest';
import { openTestStore } from '@/lib/db/test-store';
import { compileProfile, DEFAULT_PROFILE } from '@/lib/fit';
import { readSetting, writeReplicas } from '@/lib/db';
import { createHandlers } from './index';
import { TabStates } from '../tab-state';
import type { Services } from '../services';
import type { RequestContext } from '../router';

async function setup() {
  const store = await openTestStore();
  const events: string[] = [];
  const services: Services = {
    store: async () => store,
    tabs: new TabStates(),
    activeProfile: async () => compileProfile(DEFAULT_PROFILE),
    locale: async () => 'en',
    now: () => store.now(),
    openSidebar: async () => true,
    injectScanner: async () => true,
    refreshTab: () => undefined,
    broadcast: (e) => events.push(e.kind),
    sync: {
      view: async () => ({ configured: false, state: 'off', pending: 0, conflicts: 0, refused: 0 }),
      save: async () => Promise.reject(new Error('no sync in this test')),
      disable: async () => ({ configured: false, state: 'off', pending: 0, conflicts: 0, refused: 0 }),
      syncNow: async () => Promise.reject(new Error('no sync in this test')),
      conflict: async () => null,
      resolve: async () => Promise.reject(new Error('no sync in this test')),
      rep: async () => 'ann',
    },
    healthReport: { pages: 0, anchors: {} },
    access: {
      status: async () => ({ webmail: false, allSites: false, registered: [] }),
      sync: async () => ({ webmail: false, allSites: false, registered: [] }),
    },
  };
  return { h: createHandlers(services), services, store, events };
}

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
    expect(first.badges[0]).toMatchObject({ key: 'markus@acme.de', verdict: 'lead', stage: undefined });
    expect(services.tabs.get(3).url).toBe('https://acme.de/team');

    const { contact } = await h['contacts/add']({ contact: markus, sourceUrl: 'https://acme.de/team' }, page);
    expect(contact.sources[0]).toMatchObject({ url: 'https://acme.de/team', detector: 'card' });
    const started = await h['deals/start']({ contactId: contact.id }, page);
    expect(started).toMatchObject({ existing: false, deal: { step: 'initiate', owner: 'ann' } });
    // Starting again opens the same deal instead of a duplicate.
    expect(await h['deals/start']({ contactId: contact.id }, page)).toMatchObject({
      existing: true,
      deal: { id: started.deal.id },
    });

    const again = await h['page/badges']({ emails: [] }, fromTab);
    expect(again.badges[0]?.stage).toEqual({ step: 'initiate', status: 'open' });
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
            rules: [{ id: 'r', kind: 'field-regex', field: 'title', pattern: '(a+)+$', weight: 1 }],
          },
          activate: true,
        },
        page,
      ),
    ).rejects.toThrow(/exponential/);
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

  test('team board: "mine" shows the rep\'s deals and unowned ones, "team" every deal', async () => {
    const { h, store } = await setup();
    const { contact } = await h['contacts/add']({ contact: markus }, page);
    const { deal: mine } = await h['deals/start']({ contactId: contact.id }, page);
    const theirs = { ...mine, id: 'bob-1', owner: 'bob' };
    const unowned = { ...mine, id: 'old-1' };
    delete unowned.owner;
    await writeReplicas(store, [
      { kind: 'deal', id: theirs.id, record: theirs },
      { kind: 'deal', id: unowned.id, record: unowned },
    ]);
    const ids = (columns: { items: { deal: { id: string } }[] }[]) =>
      columns.flatMap((c) => c.items.map((i) => i.deal.id)).sort();
    const statuses: ['open'] = ['open'];
    expect(ids(await h['deals/board']({ statuses, owner: 'mine' }, page))).toEqual([mine.id, 'old-1'].sort());
    expect(ids(await h['deals/board']({ statuses, owner: 'team' }, page))).toEqual(
      [mine.id, 'bob-1', 'old-1'].sort(),
    );
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
