// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { advance, nextStep, recordFact, startDeal, STEP_IDS, type Deal } from '@/lib/pipeline';
import { RemoteError, type ContactDetail } from '@/lib/messages';
import type { Contact } from '@/lib/contacts/contact';
import { renderWithApi } from '../test-utils';
import { Sidebar } from './Sidebar';
import { BoardColumns } from './Board';

const T0 = Date.UTC(2026, 10, 20, 9);
const now = () => T0 + 3_600_000;
const contact: Contact = {
  id: 'c1',
  name: 'Markus Weber',
  emails: ['markus@acme.de'],
  emailKeys: ['markus@acme.de'],
  phones: ['+49301234568'],
  title: 'Head of Procurement',
  company: 'Acme GmbH',
  profiles: [],
  tags: [],
  role: false,
  sources: [{ url: 'https://acme.de/team', seenAt: T0, detector: 'card', field: 'contact' }],
  notes: '',
  searchTerms: [],
  createdAt: T0,
  updatedAt: T0,
  version: 1,
};
const detail = (deal: Deal): ContactDetail => ({
  contact,
  deals: [{ deal, next: nextStep(deal, now(), contact.name) }],
  activities: [],
});

describe('sidebar', () => {
  test('with nothing in front of the rep it says how to get there', async () => {
    renderWithApi(<Sidebar tabId={1} now={now} />, { 'focus/get': () => ({}) });
    expect(await screen.findByText(/Open an email, click a badge/)).toBeTruthy();
  });

  test.each(STEP_IDS.slice(0, 9).map((step, i) => [step, i]))(
    'the stepper follows the state machine at %s',
    async (step, i) => {
      let deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: false });
      for (let k = 0; k < (i as number); k++) deal = advance(deal, T0 + k, { override: 'test' });
      expect(deal.step).toBe(step);
      renderWithApi(<Sidebar tabId={1} now={now} />, {
        'focus/get': () => ({ contactId: 'c1', detail: detail(deal) }),
      });
      const current = await screen.findByRole('listitem', { current: 'step' });
      expect(current.textContent).toContain(
        {
          identify: 'Identify',
          initiate: 'Initiate contact',
          discover: 'Discover needs',
          scope: 'Scope',
          propose: 'Propose',
          evaluate: 'Evaluate',
          negotiate: 'Negotiate',
          order: 'Order and payment',
          monitor: 'Monitor',
          nurture: 'Nurture',
        }[deal.step],
      );
      expect(document.querySelectorAll('.step.done')).toHaveLength(i as number);
      const line = nextStep(deal, now(), 'Markus Weber')!;
      expect(screen.getByText(line.text)).toBeTruthy();
    },
  );

  test('advancing with an unmet exit criterion asks for a note, then overrides with it', async () => {
    const deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true });
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => ({ contactId: 'c1', detail: detail(deal) }),
      'threads/of-contact': () => [],
      'deals/transition': () => deal,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Advance' }));
    const note = await screen.findByLabelText(/Not done yet/);
    expect(calls.some((c) => c.type === 'deals/transition')).toBe(false);
    fireEvent.input(note, { target: { value: 'Met at the fair' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'deals/transition')?.payload).toEqual({
        dealId: 'd1',
        expectedVersion: 1,
        action: 'advance',
        note: 'Met at the fair',
      }),
    );
  });

  test('a failing save (full disk) keeps the note the rep typed and says why', async () => {
    const deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true });
    renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => ({ contactId: 'c1', detail: detail(deal) }),
      'threads/of-contact': () => [],
      'deals/transition': () => {
        throw new RemoteError(
          'quota',
          'The browser has no room left for Pipeline Scout’s data. Nothing was saved.',
        );
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Advance' }));
    const note = await screen.findByLabelText(/Not done yet/);
    fireEvent.input(note, { target: { value: 'Met at the fair' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no room left/);
    expect((screen.getByLabelText(/Not done yet/) as HTMLInputElement).value).toBe('Met at the fair');
  });

  test('a met criterion advances at once; at order the button wins the deal', async () => {
    let deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true });
    for (let k = 0; k < 6; k++) deal = advance(deal, T0 + k, { override: 'x' });
    deal = recordFact(deal, { kind: 'paid' }, T0 + 10);
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => ({ contactId: 'c1', detail: detail(deal) }),
      'threads/of-contact': () => [],
      'deals/transition': () => deal,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark won' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'deals/transition')?.payload).toMatchObject({
        action: 'advance',
        note: undefined,
      }),
    );
  });

  test('a conflicting edit is reported with a reload, never silently overwritten', async () => {
    const deal = recordFact(
      startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true }),
      { kind: 'outreach' },
      T0,
    );
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => ({ contactId: 'c1', detail: detail(deal) }),
      'threads/of-contact': () => [],
      'deals/transition': () => {
        throw new RemoteError('conflict', 'changed elsewhere');
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Advance' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This deal changed elsewhere.');
    const loads = calls.filter((c) => c.type === 'focus/get').length;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(calls.filter((c) => c.type === 'focus/get').length).toBe(loads + 1));
  });

  test('live: a change elsewhere refreshes the view', async () => {
    let deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true });
    const { emit } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => ({ contactId: 'c1', detail: detail(deal) }),
      'threads/of-contact': () => [],
    });
    await screen.findByText('Log your first outreach to Markus Weber');
    deal = advance(deal, T0 + 5, { override: 'x' });
    emit({ kind: 'changed' });
    expect(await screen.findByText("Record Markus Weber's needs")).toBeTruthy();
  });

  test('needs capture in discover sends the need', async () => {
    let deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true });
    deal = advance(deal, T0 + 1, { override: 'x' });
    const { calls } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => ({ contactId: 'c1', detail: detail(deal) }),
      'threads/of-contact': () => [],
      'deals/fact': () => deal,
    });
    fireEvent.input(await screen.findByLabelText('Stated need'), { target: { value: 'Faster changeover' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add need' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'deals/fact')?.payload).toMatchObject({
        fact: { kind: 'need', need: 'Faster changeover', unstated: false },
      }),
    );
  });
  test('in monitor a check-in is logged as an activity, and the last one is shown', async () => {
    let deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true });
    for (let k = 0; k < 7; k++) deal = advance(deal, T0 + k, { override: 'x' });
    expect(deal.step).toBe('monitor');
    let current = deal;
    const { calls, emit } = renderWithApi(<Sidebar tabId={1} now={now} />, {
      'focus/get': () => ({ contactId: 'c1', detail: detail(current) }),
      'activities/add': (p) => ({
        activity: {
          ...p,
          id: 'a1',
          subjectId: p.dealId ?? p.contactId,
          at: now(),
          createdAt: now(),
          updatedAt: now(),
          version: 1,
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Log check-in' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'activities/add')?.payload).toMatchObject({
        contactId: 'c1',
        dealId: 'd1',
        kind: 'check-in',
      }),
    );
    expect(screen.queryByText(/Last check-in/)).toBeNull();
    current = recordFact(deal, { kind: 'check-in' }, T0 + 60_000);
    emit({ kind: 'changed' });
    expect((await screen.findByText(/Last check-in/)).textContent).toContain('2026');
  });
});

describe('board', () => {
  test('deals by phase and step, overdue marked, moved by keyboard-reachable buttons', () => {
    const deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0, fitConfirmed: true });
    const next = {
      text: 'Log your first outreach to Markus Weber',
      due: T0,
      overdue: true,
      source: 'criterion' as const,
    };
    const columns = STEP_IDS.map((step) => ({
      step,
      count: step === 'initiate' ? 1 : 0,
      value: {},
      items:
        step === 'initiate'
          ? [
              {
                deal,
                contact: { id: 'c1', name: '<b>Markus</b>', emails: [] },
                next,
                followUp: { state: 'waiting-on-you' as const, since: T0, dueAt: T0 + 1 },
              },
            ]
          : [],
    }));
    const moves: string[] = [];
    renderWithApi(
      <BoardColumns
        columns={columns}
        onOpen={() => undefined}
        onMove={(id, _v, dir) => moves.push(`${id}:${dir}`)}
      />,
      {},
    );
    expect(screen.getByText('<b>Markus</b>')).toBeTruthy();
    // The deal's e-mail follow-up shows on its card.
    expect(screen.getByText('Reply due').getAttribute('data-follow-up')).toBe('waiting-on-you');
    expect(document.querySelectorAll('.card.overdue')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Move forward: Line 3' }));
    expect(moves).toEqual(['d1:advance']);
  });
});
