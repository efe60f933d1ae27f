// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderWithApi } from '../test-utils';
import { DealConflict } from './DealConflict';
import { recordFact, scheduleNextAction, startDeal } from '@/lib/pipeline';

const base = startDeal({
  id: 'd1',
  contactId: 'c1',
  title: 'Line 1',
  now: Date.UTC(2026, 0, 5),
  fitConfirmed: true,
});
const anna = {
  ...scheduleNextAction(base, { text: 'Call Max', due: Date.UTC(2026, 0, 9) }, Date.UTC(2026, 0, 6)),
  version: 2,
  owner: 'anna',
};
const ben = {
  ...recordFact(base, { kind: 'need', need: 'Less noise' }, Date.UTC(2026, 0, 7)),
  version: 2,
  owner: 'anna',
};

describe('deal conflict in the sidebar', () => {
  test('both versions side by side; keeping one sends exactly that version', async () => {
    const { calls } = renderWithApi(<DealConflict dealId="d1" />, {
      'sync/conflict': () => ({ current: anna, others: [{ rev: '2-b', deal: ben }] }),
      'sync/resolve': ({ deal }) => deal,
    });
    expect(await screen.findByText('This deal was changed on two machines')).toBeTruthy();
    expect(screen.getByText(/Call Max/)).toBeTruthy();
    expect(screen.getByText('Less noise')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Keep this version' })[1]!);
    await waitFor(() => expect(calls.some((c) => c.type === 'sync/resolve')).toBe(true));
    expect(calls.find((c) => c.type === 'sync/resolve')?.payload).toEqual({ dealId: 'd1', deal: ben });
  });

  test('merge keeps what both reps recorded', async () => {
    const { calls } = renderWithApi(<DealConflict dealId="d1" />, {
      'sync/conflict': () => ({ current: anna, others: [{ rev: '2-b', deal: ben }] }),
      'sync/resolve': ({ deal }) => deal,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Merge both' }));
    await waitFor(() => expect(calls.some((c) => c.type === 'sync/resolve')).toBe(true));
    const sent = (calls.find((c) => c.type === 'sync/resolve')?.payload as { deal: typeof base }).deal;
    expect(sent.nextAction?.text).toBe('Call Max');
    expect(sent.needs.stated).toEqual(['Less noise']);
  });

  test('nothing is shown without a conflict', async () => {
    const { container, calls } = renderWithApi(<DealConflict dealId="d1" />, { 'sync/conflict': () => null });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(container.textContent).toBe('');
  });
});
