import { describe, expect, test } from 'vitest';
import {
  countContacts,
  createJob,
  getContact,
  getJob,
  readSetting,
  writeReplicas,
  transitionJob,
  writeJobChunk,
} from '@/lib/db';
import type { RequestContext } from '../router';
import { resumeUnfinishedJobs } from '../jobs';
import { setup } from './test-services';
import { MAX_HEALTH_NAMES, rescoreTab } from './page';

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
  test('page/checks answers the public-suffix and phone questions in the order asked', async () => {
    const { h } = await setup();
    const reply = await h['page/checks'](
      {
        domains: ['mail.acme.co.uk', '10.0.0.1', 'acme.invalidtld', 'WEB.de'],
        phones: [{ text: '089 2180-4471', region: 'DE' }, { text: '089 2180-4471' }, { text: '12' }],
      },
      fromTab,
    );
    expect(reply.domains).toEqual([
      { isIp: false, isIcann: true, domain: 'acme.co.uk', publicSuffix: 'co.uk', freeMail: false },
      { isIp: true, isIcann: false, domain: null, publicSuffix: null, freeMail: false },
      { isIp: false, isIcann: false, domain: 'acme.invalidtld', publicSuffix: 'invalidtld', freeMail: false },
      { isIp: false, isIcann: true, domain: 'web.de', publicSuffix: 'de', freeMail: true },
    ]);
    expect(reply.phones).toEqual(['+498921804471', null, null]);
  });

  test('a report is scored, kept per tab, and badges carry the stage once a deal exists', async () => {
    const { h, services, settled } = await setup();
    const first = await h['page/report']({ contacts: [markus] }, fromTab);
    expect(first.badges[0]).toMatchObject({ key: 'markus@acme.de', verdict: 'lead', saved: false });
    expect(first.badges[0]?.stage).toBeUndefined();
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

  test('replies to a page carry only what the badge shows: no id, stored field or reason', async () => {
    const { h, settled } = await setup();
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

  test('rescoring never brings back a person dropped from the tab meanwhile', async () => {
    const { h, services } = await setup();
    const jana = { ...markus, name: 'Jana Schubert', emails: ['jana@acme.de'] };
    await h['page/report']({ contacts: [markus, jana] }, fromTab);
    const pending = rescoreTab(services, 3);
    services.tabs.dropPerson('not-stored', ['jana@acme.de']);
    await pending;
    expect(services.tabs.get(3).contacts.map((c) => c.key)).toEqual(['markus@acme.de']);
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
            rules: [{ id: 'r', kind: 'field-regex', field: 'title', pattern: '(a)\\1', weight: 1 }],
          },
          activate: true,
        },
        page,
      ),
    ).rejects.toThrow(/backreferences and lookaround/);
    expect(await readSetting(store, 'fit.active')).toBe('default-b2b');
  });

  test('the last criteria profile cannot be deleted; deleting the active one activates the next', async () => {
    const { h, store } = await setup();
    await expect(h['settings/delete-profile']({ id: 'default-b2b' }, page)).rejects.toThrow(
      /Keep at least one criteria profile/,
    );
    const [first] = await readSetting(store, 'fit.profiles');
    await h['settings/save-profile'](
      { profile: { ...first!, id: 'second', name: 'Second' }, activate: false },
      page,
    );
    await h['settings/delete-profile']({ id: 'default-b2b' }, page);
    expect((await readSetting(store, 'fit.profiles')).map((p) => p.id)).toEqual(['second']);
    expect(await readSetting(store, 'fit.active')).toBe('second');
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

describe('guessed addresses', () => {
  const person = (name: string, emails: string[] = [], phones: string[] = []) => ({
    name,
    emails,
    phones,
    profiles: [],
    detectors: ['card'],
  });
  const team = [
    person('Jürgen Müller', ['juergen.mueller@acme-industrie.de']),
    person('Anna Schäfer', ['anna.schaefer@acme-industrie.de']),
    person('Thomas Becker', ['thomas.becker@acme-industrie.de']),
    person('Björn Köhler', [], ['+49301234567']),
    person('Sabine Groß', [], ['+49301234568']),
  ].map((p) => (p.emails.length ? { ...p, companyDomain: 'acme-industrie.de' } : p));
  const local: RequestContext = { context: 'content', tabId: 4, tabUrl: 'http://127.0.0.1:4173/team.html' };

  /** The team page reported, and Björn (no address on it) saved with his guess. */
  async function savedWithGuess() {
    const rig = await setup();
    await rig.h['page/report']({ contacts: team }, local);
    const bjoern = rig.services.tabs.get(4).contacts.find((c) => c.name === 'Björn Köhler')!;
    const { contact } = await rig.h['contacts/add'](
      { contact: person('Björn Köhler', [], ['+49301234567']), proposedEmail: bjoern.proposed },
      page,
    );
    await rig.settled();
    return { ...rig, contact };
  }

  test('people without an address get a guess beside their (empty) addresses; badges never show it', async () => {
    const { h, services } = await setup();
    const { badges } = await h['page/report']({ contacts: team }, local);
    const state = services.tabs.get(4).contacts;
    const guesses = Object.fromEntries(state.map((c) => [c.name, c.proposed?.address]));
    expect(guesses).toEqual({
      'Jürgen Müller': undefined,
      'Anna Schäfer': undefined,
      'Thomas Becker': undefined,
      'Björn Köhler': 'bjoern.koehler@acme-industrie.de',
      'Sabine Groß': 'sabine.gross@acme-industrie.de',
    });
    expect(state.find((c) => c.name === 'Björn Köhler')).toMatchObject({
      emails: [],
      key: 'name:björn köhler',
      proposed: { matching: 3, total: 3, pattern: 'first.last' },
    });
    expect(JSON.stringify(badges)).not.toContain('bjoern');
  });

  test('saved with its guess, confirmed by the rep: a normal address, and the page links the contact', async () => {
    const { h, services, events, contact, settled } = await savedWithGuess();
    expect(contact).toMatchObject({
      emails: [],
      proposedEmail: { address: 'bjoern.koehler@acme-industrie.de' },
    });
    expect(services.tabs.get(4).contacts.find((c) => c.name === 'Björn Köhler')).toMatchObject({
      contactId: contact.id,
      proposed: { address: 'bjoern.koehler@acme-industrie.de' },
    });

    const confirmed = await h['contacts/confirm-address'](
      { id: contact.id, expectedVersion: contact.version },
      page,
    );
    expect(confirmed.emails).toEqual(['bjoern.koehler@acme-industrie.de']);
    await settled();
    expect(events).toContain('changed');
    const after = services.tabs.get(4).contacts.find((c) => c.name === 'Björn Köhler')!;
    expect(after).toMatchObject({ contactId: contact.id, storedEmail: 'bjoern.koehler@acme-industrie.de' });
    expect(after.proposed).toBeUndefined();
  });

  test('a guessed address that shows up on a page (or in a mail) settles the guess', async () => {
    const { h, services, events, contact, settled } = await savedWithGuess();
    const mail = { context: 'content' as const, tabId: 6, tabUrl: 'https://mail.google.com/mail/u/0/' };
    const reported = person('Björn Köhler', ['Bjoern.Koehler@acme-industrie.de']);
    const { badges } = await h['page/report']({ contacts: [reported], mail: { provider: 'gmail' } }, mail);
    expect(badges[0]).toMatchObject({ key: 'bjoern.koehler@acme-industrie.de', saved: true });
    expect(services.tabs.get(6).contacts[0]?.contactId).toBe(contact.id);
    await settled();
    expect(events.at(-1)).toBe('changed');
    const stored = await getContact(await services.store(), contact.id);
    expect(stored).toMatchObject({ emails: ['bjoern.koehler@acme-industrie.de'] });
    expect(stored?.proposedEmail).toBeUndefined();
  });

  test('a page of role accounts, or a webmail page, proposes nothing', async () => {
    const { h, services } = await setup();
    const roles = [
      { ...person('Vertrieb', ['vertrieb@acme-industrie.de']), role: true },
      { ...person('Kontakt', ['info@acme-industrie.de']), role: true },
      person('Björn Köhler', [], ['+49301234567']),
    ];
    await h['page/report']({ contacts: roles }, local);
    expect(services.tabs.get(4).contacts.some((c) => c.proposed)).toBe(false);
    await h['page/report'](
      { contacts: [person('Anna Schäfer', [], ['+49301234567'])], mail: { provider: 'outlook' } },
      { context: 'content', tabId: 5, tabUrl: 'https://outlook.office.com/mail/' },
    );
    expect(services.tabs.get(5).contacts[0]?.proposed).toBeUndefined();
  });
});

describe('import jobs through the background', () => {
  const csv = ['Email,Name']
    .concat(Array.from({ length: 4_800 }, (_, i) => `p${i}@firma.de,P ${i}`))
    .join('\n');

  test('an import reports its progress to open pages as job events and is listed', async () => {
    const { h, store, jobEvents, alarms } = await setup();
    const report = await h['data/import-csv']({ text: csv, mode: 'valid-rows' }, page);
    expect(report).toMatchObject({ created: 4_800, written: true, state: 'done' });
    expect(alarms).toEqual([true]);
    // Staged, then one event per chunk of 2,000 rows.
    expect(jobEvents.map((j) => [j.state, j.done])).toEqual([
      ['running', 0],
      ['running', 2_000],
      ['running', 4_000],
      ['done', 4_800],
    ]);
    const [listed] = await h['jobs/list']({}, page);
    expect(listed).toMatchObject({ id: report.jobId, state: 'done', total: 4_800 });
    expect(await countContacts(store)).toBe(4_800);
  });

  test('the next wake carries on an interrupted job; discarding a paused one rolls it back', async () => {
    const { h, services, store, alarms } = await setup();
    const inputs = Array.from({ length: 2_800 }, (_, i) => ({ name: `P${i}`, emails: [`p${i}@firma.de`] }));
    // A job the stopped worker had staged but not written.
    const job = await createJob(store, { kind: 'import-csv', mode: 'valid-rows', inputs, errors: [] });
    expect(await resumeUnfinishedJobs(services)).toBe(1);
    expect(await getJob(store, job.id)).toMatchObject({ state: 'done', done: 2_800 });
    expect(await resumeUnfinishedJobs(services)).toBe(0);
    expect(alarms).toEqual([true, false]);

    await h['data/delete-all']({ confirm: 'DELETE' }, page);
    expect(await h['jobs/list']({}, page)).toEqual([]);
    const paused = await createJob(store, { kind: 'import-csv', mode: 'valid-rows', inputs, errors: [] });
    await writeJobChunk(store, paused.id);
    expect(await countContacts(store)).toBe(2_000);
    await transitionJob(store, paused.id, ['running'], 'paused', 'stopped');
    expect(await h['jobs/cancel']({ id: paused.id }, page)).toMatchObject({ state: 'cancelling' });
    await expect.poll(async () => (await getJob(store, paused.id))?.state).toBe('cancelled');
    expect(await countContacts(store)).toBe(0);
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
