import { afterEach, describe, expect, test, vi } from 'vitest';
import { storedContacts } from '@/lib/db/test-store';
import { allDeals, createDeal, getThread, readSetting, readSnapshot, upsertContact } from '@/lib/db';
import type { RequestContext } from '../router';
import { detectedWire as wire, setup } from './test-services';
import { UNDO_MS } from './record';
import { readMailThread } from '@/lib/db/test-thread';

const fromTab: RequestContext = { context: 'content', tabId: 3, tabUrl: 'https://acme.de/team' };
const page: RequestContext = { context: 'page' };
const lena = wire('Lena Fischer', 'lena.fischer@acme.de');
const markus = wire('Markus Weber', 'markus@acme.de');

afterEach(() => vi.useRealTimers());

describe('forget this person', () => {
  test('deletes contact, deals and activities, leaves the tab, and a suppressed address is not offered again', async () => {
    const { h, services, store } = await setup();
    await h['page/report']({ contacts: [lena, markus] }, fromTab);
    const { contact } = await h['contacts/add']({ contact: lena }, page);
    const { deal } = await h['deals/start']({ contactId: contact.id }, page);
    await h['activities/add']({ contactId: contact.id, dealId: deal.id, kind: 'call', text: 'intro' }, page);
    await readMailThread(store, 't1', ['lena.fischer@acme.de']);
    // Linked to her too, with Markus in copy: it stays, without her.
    await readMailThread(store, 't2', ['lena.fischer@acme.de', 'markus@acme.de']);
    await h['focus/set']({ tabId: 3, contactId: contact.id }, page);

    const result = await h['contacts/forget']({ id: contact.id, suppress: true }, page);
    // The call and each thread's one message; the thread only she is in.
    expect(result).toMatchObject({
      counts: { deals: 1, activities: 3, threads: 1, keptThreads: 1 },
      suppressed: true,
    });
    expect(await h['threads/of-contact']({ contactId: contact.id }, page)).toEqual([]);
    expect(await getThread(store, 'gmail:t1')).toBeUndefined();
    expect((await getThread(store, 'gmail:t2'))?.participants).toEqual([{ email: 'markus@acme.de' }]);
    expect(await storedContacts(store)).toHaveLength(0);
    expect(await allDeals(store)).toHaveLength(0);
    expect(services.tabs.get(3).contacts.map((c) => c.name)).toEqual(['Markus Weber']);
    expect(services.tabs.focus(3)).toEqual({});
    const hashes = await readSetting(store, 'privacy.suppressed');
    expect(hashes).toHaveLength(1);
    expect(JSON.stringify(await readSnapshot(store))).not.toContain('lena');

    const again = await h['page/report']({ contacts: [lena, markus] }, fromTab);
    expect(again.badges.map((b) => b.key)).toEqual(['markus@acme.de']);
    expect(services.tabs.get(3).contacts.map((c) => c.name)).toEqual(['Markus Weber']);
  });

  test('the preview says what forget then does: linked and unlinked threads only she is in go, a shared one stays', async () => {
    const { h, store } = await setup();
    // Read before she was saved (an import saves without relinking): it names only her, linked to nobody.
    await readMailThread(store, 'alone', ['lena.fischer@acme.de']);
    const { contact } = await upsertContact(store, {
      name: 'Lena Fischer',
      emails: ['lena.fischer@acme.de'],
    });
    await createDeal(store, { contactId: contact.id, title: 'Acme' });
    await readMailThread(store, 'linked', ['lena.fischer@acme.de']);
    await readMailThread(store, 'shared', ['lena.fischer@acme.de', 'markus@acme.de']);
    expect((await getThread(store, 'gmail:alone'))?.contactId).toBeUndefined();
    expect((await getThread(store, 'gmail:linked'))?.contactId).toBe(contact.id);
    expect((await getThread(store, 'gmail:shared'))?.contactId).toBe(contact.id);

    const preview = await h['contacts/forget-preview']({ id: contact.id }, page);
    // Each linked thread's one message is an activity on her deal.
    expect(preview).toEqual({ deals: 1, activities: 2, threads: 2, keptThreads: 1 });
    const { counts } = await h['contacts/forget']({ id: contact.id, suppress: false }, page);
    expect(counts).toEqual(preview);
    expect(await getThread(store, 'gmail:alone')).toBeUndefined();
    expect(await getThread(store, 'gmail:linked')).toBeUndefined();
    expect((await getThread(store, 'gmail:shared'))?.participants).toEqual([{ email: 'markus@acme.de' }]);
    await expect(h['contacts/forget-preview']({ id: contact.id }, page)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  test('undo within the window restores everything and lifts the suppression; later it is gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { h, store } = await setup();
    const { contact } = await h['contacts/add']({ contact: lena }, page);
    await h['deals/start']({ contactId: contact.id }, page);
    const first = await h['contacts/forget']({ id: contact.id, suppress: true }, page);
    expect(await h['contacts/forget-undo']({ token: first.token }, page)).toEqual({ restored: true });
    expect((await h['contacts/get']({ id: contact.id }, page)).deals).toHaveLength(1);
    expect(await readSetting(store, 'privacy.suppressed')).toEqual([]);

    const second = await h['contacts/forget']({ id: contact.id, suppress: false }, page);
    vi.advanceTimersByTime(UNDO_MS + 1);
    expect(await h['contacts/forget-undo']({ token: second.token }, page)).toEqual({ restored: false });
    expect(await storedContacts(store)).toHaveLength(0);
  });
});

describe('suppression around forget', () => {
  test('a suppressed person detected and added again (a stale popup) is refused; nothing is stored', async () => {
    const { h, store } = await setup();
    const { contact } = await h['contacts/add']({ contact: lena }, page);
    await h['contacts/forget']({ id: contact.id, suppress: true }, page);
    await expect(h['contacts/add']({ contact: lena }, page)).rejects.toMatchObject({ code: 'suppressed' });
    expect(await storedContacts(store)).toHaveLength(0);
    expect((await h['contacts/add']({ contact: markus }, page)).created).toBe(true);
  });

  test('a failed forget suppresses nothing; undo lifts only what this forget added', async () => {
    const { h, store } = await setup();
    await expect(h['contacts/forget']({ id: 'gone', suppress: true }, page)).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await readSetting(store, 'privacy.suppressed')).toEqual([]);
    const { contact: first } = await h['contacts/add']({ contact: lena }, page);
    await h['contacts/forget']({ id: first.id, suppress: true }, page);
    const [hash] = await readSetting(store, 'privacy.suppressed');
    // Saved again by hand, forgotten again with suppression, then undone: the first suppression stands.
    const { contact: again } = await h['contacts/add']({ contact: { ...lena, detectors: ['manual'] } }, page);
    const second = await h['contacts/forget']({ id: again.id, suppress: true }, page);
    expect(second.suppressed).toBe(true);
    expect(await h['contacts/forget-undo']({ token: second.token }, page)).toEqual({ restored: true });
    expect(await readSetting(store, 'privacy.suppressed')).toEqual([hash]);
  });
});

describe('what is stored, merge, deal edits', () => {
  test('the record view lists every record and exports JSON and vCard', async () => {
    const { h, store } = await setup();
    const { contact } = await h['contacts/add']({ contact: lena }, page);
    const { deal } = await h['deals/start']({ contactId: contact.id }, page);
    await h['activities/add']({ contactId: contact.id, kind: 'note', text: 'Prefers calls' }, page);
    await readMailThread(store, 't1', ['lena.fischer@acme.de'], { subject: 'Retrofit', replies: 1 });
    const view = await h['contacts/record']({ id: contact.id }, page);
    // The note, and the two messages of the linked thread on the deal's timeline.
    expect([view.deals.length, view.activities.length, view.suppressed]).toEqual([1, 3, false]);
    expect(view.threads.map((t) => [t.id, t.subject, t.dealId])).toEqual([['gmail:t1', 'Retrofit', deal.id]]);
    expect(JSON.parse(view.json)).toMatchObject({
      contact: { id: contact.id },
      deals: [{ id: deal.id }],
      threads: [
        { id: 'gmail:t1', subject: 'Retrofit', messages: [{ direction: 'out' }, { direction: 'in' }] },
      ],
    });
    expect(view.vcard).toMatch(/BEGIN:VCARD[\s\S]*EMAIL;PREF=1:lena.fischer@acme.de/);
  });

  test('merging two records of one person moves the deal; a deal is edited and deleted', async () => {
    const { h } = await setup();
    const { contact: a } = await h['contacts/add']({ contact: markus }, page);
    const { contact: b } = await h['contacts/add'](
      { contact: wire('Markus Weber', 'm.weber@acme.de') },
      page,
    );
    const { deal } = await h['deals/start']({ contactId: b.id }, page);
    const dupes = await h['contacts/duplicates']({ id: a.id }, page);
    expect(dupes.map((d) => [d.contact.id, d.reasons])).toEqual([]);
    const merged = await h['contacts/merge'](
      { keepId: a.id, keepVersion: a.version, otherId: b.id, otherVersion: b.version, choices: {} },
      page,
    );
    expect(merged).toMatchObject({
      movedDeals: 1,
      contact: { emails: ['markus@acme.de', 'm.weber@acme.de'] },
    });
    const edited = await h['deals/edit'](
      {
        dealId: deal.id,
        expectedVersion: deal.version + 1,
        edit: { title: 'Retrofit line 3', value: { amount: 48_000, currency: 'EUR' } },
      },
      page,
    );
    expect(edited).toMatchObject({ title: 'Retrofit line 3', value: { amount: 48_000, currency: 'EUR' } });
    await expect(
      h['deals/edit']({ dealId: deal.id, expectedVersion: edited.version, edit: { title: '  ' } }, page),
    ).rejects.toThrow(/needs a title/);
    await h['deals/delete']({ dealId: deal.id, expectedVersion: edited.version }, page);
    expect((await h['contacts/get']({ id: a.id }, page)).deals).toEqual([]);
  });
});
