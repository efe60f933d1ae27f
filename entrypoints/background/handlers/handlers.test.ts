import { describe, expect, test } from 'vitest';
import { openTestStore } from '@/lib/db/test-store';
import { compileProfile, DEFAULT_PROFILE } from '@/lib/fit';
import { readSetting } from '@/lib/db';
import { createHandlers } from './index';
import { TabStates } from '../tab-state';
import type { Services } from '../services';
import type { RequestContext } from '../router';
import { setUpChangeFeed } from '../change-feed';

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
  const feed = setUpChangeFeed(services, store, (e) => events.push(e.kind));
  return { h: createHandlers(services), services, store, events, refreshed, settled: feed.idle };
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
    const { h, services, settled } = await setup();
    const first = await h['page/report']({ contacts: [markus] }, fromTab);
    expect(first.badges[0]).toMatchObject({ key: 'markus@acme.de', verdict: 'lead', stage: undefined });
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
    const { h, events, refreshed, settled } = await setup();
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
    expect(await h['page/open-contact']({ key: 'someone.else@bank.example' }, fromTab)).toEqual({
      opened: false,
    });
    expect(await h['page/open-contact']({ key: 'markus@acme.de' }, fromTab)).toEqual({ opened: true });
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

describe('threads', () => {
  const mailTab: RequestContext = {
    context: 'content',
    tabId: 5,
    tabUrl: 'https://mail.google.com/mail/u/1/#inbox/x',
  };
  const mail = (messages: { id: string; at: number; from: string }[]) => ({
    provider: 'gmail' as const,
    threadId: '18c2f0a1b2c3d4e5',
    subject: 'Conveyor retrofit',
    owner: 'rep@seller.io',
    focusEmail: 'markus@acme.de',
    messages: messages.map((m) => ({
      id: m.id,
      at: m.at,
      from: { email: m.from },
      to: [{ email: m.from === 'rep@seller.io' ? 'markus@acme.de' : 'rep@seller.io' }],
      cc: [],
    })),
  });

  test('a thread read before the contact is saved links when it is saved and a deal started; the chip shows the follow-up', async () => {
    const { h, store } = await setup();
    const t0 = store.now();
    const sent = mail([{ id: 'm1', at: t0, from: 'rep@seller.io' }]);
    await h['page/report']({ contacts: [markus], mail: sent }, mailTab);
    const { contact } = await h['contacts/add']({ contact: markus, sourceUrl: 'https://acme.de/team' }, page);
    let [thread] = await h['threads/of-contact']({ contactId: contact.id }, page);
    expect(thread).toMatchObject({
      dealId: undefined,
      openUrl: 'https://mail.google.com/mail/u/1/#all/18c2f0a1b2c3d4e5',
    });
    const { deal } = await h['deals/start']({ contactId: contact.id }, page);
    [thread] = await h['threads/of-contact']({ contactId: contact.id }, page);
    expect(thread).toMatchObject({
      dealId: deal.id,
      lastDirection: 'out',
      followUp: { state: 'waiting-on-them' },
    });
    // Three more reads of the same thread: its message is on the timeline once.
    for (let i = 0; i < 3; i++) await h['page/report']({ contacts: [markus], mail: sent }, mailTab);
    const detail = await h['contacts/get']({ id: contact.id }, page);
    expect(JSON.stringify(detail).match(/gmail:m1/g)).toHaveLength(1);
    // Days later the follow-up is due: the chip says so (label text only) and "Due next steps" lists it.
    store.tick(10 * 86_400_000);
    const { badges } = await h['page/report']({ contacts: [markus], mail: sent }, mailTab);
    expect(badges[0]?.followUp).toBe('Follow-up due');
    const due = await h['deals/due']({ until: store.now() }, page);
    expect(due.find((d) => d.deal.id === deal.id)?.followUp).toMatchObject({ state: 'waiting-on-them' });
    // Her reply clears it; the rep now owes an answer.
    const replied = mail([
      { id: 'm1', at: t0, from: 'rep@seller.io' },
      { id: 'm2', at: store.now(), from: 'markus@acme.de' },
    ]);
    const after = await h['page/report']({ contacts: [markus], mail: replied }, mailTab);
    expect(after.badges[0]?.followUp).toBe('Waiting on you');
    // The deal is lost: its thread owes no follow-up any more.
    const current = (await h['contacts/get']({ id: contact.id }, page)).deals[0]!.deal;
    await h['deals/transition'](
      { dealId: deal.id, expectedVersion: current.version, action: 'lose', note: 'no budget' },
      page,
    );
    const afterLoss = await h['deals/due']({ until: store.now() + 30 * 86_400_000 }, page);
    expect(afterLoss.find((d) => d.deal.id === deal.id)?.followUp).toBeUndefined();
    // Unlinking takes its messages off the timeline.
    await h['threads/link']({ threadId: thread!.id, dealId: null }, page);
    expect(JSON.stringify(await h['contacts/get']({ id: contact.id }, page))).not.toContain('gmail:m1');
  });
});
