// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { nextStep } from '@/lib/pipeline';
import { testDeal } from '@/lib/pipeline/test-deal';
import { RemoteError, type ContactDetail, type ThreadView } from '@/lib/messages';
import type { Contact } from '@/lib/contacts/contact';
import { testContact } from '@/lib/contacts/test-contact';
import type { Activity, ThreadRecord } from '@/lib/db';
import { renderWithApi } from '../test-utils';
import { Sidebar } from './Sidebar';

const T0 = Date.UTC(2026, 10, 20, 9);
const now = () => T0 + 3_600_000;
const markus: Contact = testContact({
  id: 'c1',
  name: 'Markus Weber',
  emails: ['markus@acme-industrie.de'],
  emailKeys: ['markus@acme-industrie.de'],
  phones: ['+49301234568'],
  title: 'Einkauf',
  company: 'acme-industrie.de',
  tags: ['fair'],
  sources: [{ url: 'https://acme-industrie.de/team', seenAt: T0, detector: 'card', field: 'contact' }],
  edited: { title: T0 + 1_000 },
  suggestions: [
    {
      field: 'title',
      value: 'Head of Sales',
      url: 'https://acme-industrie.de/team',
      seenAt: T0,
      detector: 'card',
    },
  ],
  createdAt: T0,
  updatedAt: T0,
  version: 3,
});
const deal = testDeal({ now: T0 });
const activity = (id: string): Activity => ({
  id,
  subjectId: 'c1',
  contactId: 'c1',
  kind: 'note',
  at: T0,
  text: 'hi',
  createdAt: T0,
  updatedAt: T0,
  version: 1,
});
const detail: ContactDetail = {
  contact: markus,
  deals: [{ deal, next: nextStep(deal, now(), markus.name) }],
  activities: [activity('a1'), activity('a2')],
};
const focus = () => ({ contactId: 'c1', detail });
const thread: ThreadRecord = {
  id: 'gmail:t1',
  provider: 'gmail',
  threadId: 't1',
  mailbox: { account: 0 },
  subject: 'Spare parts offer',
  participants: [{ name: 'Markus Weber', email: 'markus@acme-industrie.de' }],
  prospectKeys: ['markus@acme-industrie.de'],
  contactId: 'c1',
  dealId: 'd1',
  messages: [
    { id: 'm1', at: T0, direction: 'out' },
    { id: 'm2', at: T0 + 1_000, direction: 'in' },
  ],
  lastAt: T0 + 1_000,
  lastDirection: 'in',
  followUp: { state: 'none' },
  createdAt: T0,
  updatedAt: T0,
  version: 1,
};
const threadView: ThreadView = {
  id: thread.id,
  provider: 'gmail',
  subject: thread.subject,
  participants: thread.participants,
  messageCount: 2,
  followUp: { state: 'none' },
  dealId: 'd1',
};

describe('edit the contact', () => {
  test('keyboard: focus starts in the form, Escape cancels and returns focus to Edit', async () => {
    renderWithApi(<Sidebar tabId={1} now={now} />, { 'focus/get': focus, 'threads/of-contact': () => [] });
    const edit = await screen.findByRole('button', { name: 'Edit contact' });
    edit.focus();
    fireEvent.click(edit);
    const name = screen.getByLabelText(/^Name/);
    expect(document.activeElement).toBe(name);
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Edit contact' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit contact' }));
  });

  test('every field is sent; addresses are added, made primary and removed', async () => {
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': focus,
      'threads/of-contact': () => [],
      'contacts/update': () => markus,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit contact' }));
    expect(screen.getByText(/^Title/).textContent).toMatch(/edited by you/);
    expect(screen.getByText(/^Company(?! domain)/).textContent).toMatch(/from the page acme-industrie\.de/);
    fireEvent.input(screen.getByLabelText(/^Company(?! domain)/), { target: { value: 'Acme GmbH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
    fireEvent.input(screen.getByLabelText('E-mail address 2'), { target: { value: 'm.weber@acme.de' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make primary: m.weber@acme.de' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove: markus@acme-industrie.de' }));
    fireEvent.input(screen.getByLabelText(/^Phones/), { target: { value: '+49301234568\n030 1234567\n' } });
    fireEvent.input(screen.getByLabelText(/^Tags/), { target: { value: 'fair, retrofit' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit contact' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'contacts/update')?.payload).toEqual({
        id: 'c1',
        expectedVersion: 3,
        patch: {
          name: 'Markus Weber',
          title: 'Einkauf',
          company: 'Acme GmbH',
          companyDomain: '',
          emails: ['m.weber@acme.de'],
          phones: ['+49301234568', '030 1234567'],
          profiles: [],
          tags: ['fair', 'retrofit'],
          notes: '',
        },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit contact' })).toBeNull());
  });

  test('a stale edit shows the conflict with Reload and keeps what was typed; a bad value says why', async () => {
    let reply: () => never = () => {
      throw new RemoteError('conflict', 'changed');
    };
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': focus,
      'threads/of-contact': () => [],
      'contacts/update': () => reply(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit contact' }));
    fireEvent.input(screen.getByLabelText(/^Company(?! domain)/), { target: { value: 'Acme GmbH' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit contact' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This contact changed elsewhere.');
    expect((screen.getByLabelText(/^Company(?! domain)/) as HTMLInputElement).value).toBe('Acme GmbH');
    const loads = calls.filter((c) => c.type === 'focus/get').length;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(calls.filter((c) => c.type === 'focus/get').length).toBe(loads + 1));

    reply = () => {
      throw new RemoteError('invalid', 'Not a valid address: jane@');
    };
    fireEvent.submit(screen.getByRole('form', { name: 'Edit contact' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Not a valid address: jane@');
  });

  test('German: the same form in German', async () => {
    renderWithApi(
      <Sidebar tabId={1} now={now} />,
      { 'focus/get': focus, 'threads/of-contact': () => [] },
      'de',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Kontakt bearbeiten' }));
    expect(screen.getByText(/^Position/).textContent).toMatch(/von Ihnen bearbeitet/);
    expect(screen.getByRole('button', { name: 'Adresse hinzufügen' })).toBeTruthy();
  });
});

describe('detections suggest, the rep decides', () => {
  test('"The page now says Head of Sales — use it?" takes it, or keeps the rep\'s value', async () => {
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': focus,
      'threads/of-contact': () => [],
      'contacts/update': () => markus,
    });
    const line = await screen.findByText(/The page now says/);
    expect(line.closest('li')?.textContent).toMatch(/The page now says Head of Sales — use it\?/);
    fireEvent.click(screen.getByRole('button', { name: 'Use it' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'contacts/update')?.payload).toMatchObject({
        patch: { title: 'Head of Sales' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.type === 'contacts/update')[1]?.payload).toMatchObject({
        patch: {},
        keep: ['title'],
      }),
    );
  });
});

describe('deals', () => {
  test('title, value, next action and due date are edited; delete asks first', async () => {
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': focus,
      'threads/of-contact': () => [],
      'deals/edit': () => deal,
      'deals/delete': () => ({ deleted: true, activities: 0 }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit deal: acme-industrie.de' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Deal title'));
    fireEvent.input(screen.getByLabelText('Deal title'), { target: { value: 'Retrofit line 3' } });
    fireEvent.input(screen.getByLabelText('Value'), { target: { value: '48000,50' } });
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'CHF' } });
    fireEvent.input(screen.getByLabelText('Next action'), { target: { value: 'Call back' } });
    fireEvent.input(screen.getByLabelText('due'), { target: { value: '2026-12-01' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit deal' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'deals/edit')?.payload).toEqual({
        dealId: 'd1',
        expectedVersion: 1,
        edit: {
          title: 'Retrofit line 3',
          value: { amount: 48000.5, currency: 'CHF' },
          nextAction: { text: 'Call back', due: new Date('2026-12-01T09:00').getTime() },
        },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit deal: acme-industrie.de' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete deal' }));
    expect(calls.some((c) => c.type === 'deals/delete')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'deals/delete')?.payload).toEqual({
        dealId: 'd1',
        expectedVersion: 1,
      }),
    );
  });
});

describe('duplicates, forget, what is stored', () => {
  test("a flagged duplicate shows its reason and merges with the rep's choice", async () => {
    const other: Contact = {
      ...markus,
      id: 'c2',
      emails: ['mw@acme.de'],
      title: 'Head of Sales',
      version: 1,
    };
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': focus,
      'threads/of-contact': () => [],
      'contacts/duplicates': () => [{ contact: other, reasons: ['phone'] }],
      'contacts/merge': () => ({ contact: markus, movedDeals: 0, movedActivities: 0, movedThreads: 0 }),
    });
    const flagged = await screen.findByRole('region', { name: 'Possibly the same person' });
    expect(flagged.textContent).toMatch(/mw@acme\.de · same phone/);
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    fireEvent.click(screen.getByLabelText('Head of Sales'));
    fireEvent.submit(screen.getByRole('form', { name: 'Merge into this contact' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'contacts/merge')?.payload).toEqual({
        keepId: 'c1',
        keepVersion: 3,
        otherId: 'c2',
        otherVersion: 1,
        choices: { title: 'other' },
      }),
    );
  });

  test('any contact can be merged in: find the other record, then merge', async () => {
    const other: Contact = {
      ...markus,
      id: 'c3',
      name: 'M. Weber',
      emails: ['mw@gmail.com'],
      phones: [],
      version: 2,
    };
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': focus,
      'threads/of-contact': () => [],
      'contacts/duplicates': () => [],
      'contacts/search': () => [markus, other],
      'contacts/merge': () => ({ contact: markus, movedDeals: 0, movedActivities: 0, movedThreads: 0 }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Merge with another contact…' }));
    const search = screen.getByRole('searchbox', { name: 'Find the other record of this person' });
    expect(document.activeElement).toBe(search);
    fireEvent.input(search, { target: { value: 'weber' } });
    const results = await screen.findByRole('listbox', { name: 'Find the other record of this person' });
    fireEvent.click(within(results).getByText('M. Weber'));
    fireEvent.submit(screen.getByRole('form', { name: 'Merge into this contact' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'contacts/merge')?.payload).toMatchObject({
        keepId: 'c1',
        otherId: 'c3',
        otherVersion: 2,
        choices: {},
      }),
    );
  });

  test('forget says what goes, can suppress, and offers Undo', async () => {
    let gone = false;
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => (gone ? {} : focus()),
      'threads/of-contact': () => [threadView],
      // The background counts with forget's own rule: one thread goes, one with a colleague stays.
      'contacts/forget-preview': () => ({ deals: 1, activities: 2, threads: 1, keptThreads: 1 }),
      'contacts/forget': () => (
        (gone = true),
        {
          token: 't1',
          undoUntil: now() + 8_000,
          counts: { deals: 1, activities: 2, threads: 1, keptThreads: 1 },
          suppressed: true,
        }
      ),
      'contacts/forget-undo': () => ((gone = false), { restored: true }),
      'focus/set': focus,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Forget this person' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Forget this person' });
    await waitFor(() => expect(dialog.textContent).toMatch(/1 deals, 2 activities, 1 e-mail threads\./));
    expect(dialog.textContent).toMatch(/1 e-mail threads others are in stay, without this person\./);
    expect(calls.find((c) => c.type === 'contacts/forget-preview')?.payload).toEqual({ id: 'c1' });
    fireEvent.click(screen.getByLabelText(/Never suggest these addresses again/));
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'contacts/forget')?.payload).toEqual({ id: 'c1', suppress: true }),
    );
    expect(await screen.findByText(/Open an email, click a badge/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'focus/set')?.payload).toEqual({ tabId: 1, contactId: 'c1' }),
    );
    expect(calls.find((c) => c.type === 'contacts/forget-undo')?.payload).toEqual({ token: 't1' });
  });

  test('what is stored lists every record and exports JSON and vCard', async () => {
    const urls: string[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      urls.push((blob as Blob).type);
      return 'blob:x';
    });
    renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': focus,
      'threads/of-contact': () => [],
      'contacts/record': () => ({
        contact: markus,
        deals: [deal],
        activities: [activity('a1'), activity('a2')],
        threads: [
          thread,
          { ...thread, id: 'gmail:t2', subject: 'Fair', contactId: 'c7', messages: [], lastAt: undefined },
        ],
        referrals: [{ id: 'c9', name: 'Tom' }],
        suppressed: false,
        json: '{}',
        vcard: 'BEGIN:VCARD',
      }),
    });
    const summary = await screen.findByText('What is stored');
    const details = summary.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(details.querySelector('[data-loaded]')).toBeTruthy());
    expect(details.textContent).toMatch(/1 deals: acme-industrie\.de/);
    expect(details.textContent).toMatch(/2 activities/);
    expect(details.textContent).toMatch(/2 e-mail threads:/);
    const listed = [...details.querySelectorAll('[data-thread]')].map((li) => li.textContent);
    expect(listed).toEqual([
      'Spare parts offer · 2 messages (dates only) · 20 Nov 2026',
      'Fair · 0 messages (dates only) · mentions them',
    ]);
    expect(details.textContent).toMatch(/Contacts referred by this person: Tom/);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export vCard' }));
    expect(urls).toEqual(['application/json', 'text/vcard']);
    create.mockRestore();
  });
});
