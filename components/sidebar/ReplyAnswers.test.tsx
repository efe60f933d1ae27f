// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { recordFact, startDeal, type Deal } from '@/lib/pipeline';
import type { OfferedAnswer } from '@/lib/db/thread-answers';
import { renderWithApi } from '../test-utils';
import { ReplyAnswers } from './ReplyAnswers';

const deal: Deal = {
  ...startDeal({ id: 'd1', contactId: 'c1', title: 'Acme', now: 1 }),
  step: 'discover',
  version: 4,
};
const offer = (index: number, answer: string): OfferedAnswer => ({
  threadId: 'gmail:t1',
  key: `m2#${index}`,
  messageId: 'm2',
  at: Date.UTC(2026, 0, 6),
  question: `Question ${index}?`,
  answer,
  state: 'offered',
});

test('each answer with its question and reply date; accept as need, as unstated need, or dismiss', async () => {
  let offered = [
    { ...offer(0, 'Excel <b>and</b> mail'), openUrl: 'https://mail.google.com/mail/u/0/#all/t1' },
    offer(1, 'Lost orders'),
    offer(2, 'Nothing'),
  ];
  const { calls, emit } = renderWithApi(<ReplyAnswers deal={deal} onReload={() => undefined} />, {
    'questionnaire/answers': () => offered,
    'questionnaire/settle': ({ key, decision, unstated }) => {
      offered = offered.filter((a) => a.key !== key);
      return decision === 'accept' ? recordFact(deal, { kind: 'need', need: key, unstated }, 2) : deal;
    },
  });
  const first = await screen.findByText('Excel <b>and</b> mail');
  expect(first.querySelector('b')).toBeNull();
  expect(screen.getByText('Answer to: Question 0?')).toBeTruthy();
  expect(screen.getAllByText(/From the reply of 6 Jan 2026/)).toHaveLength(3);
  // Each answer links to the reply's thread on the mail site.
  expect(screen.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(
    'https://mail.google.com/mail/u/0/#all/t1',
  );

  fireEvent.click(screen.getAllByRole('button', { name: 'Accept as need' })[0]!);
  await waitFor(() => expect(calls.filter((c) => c.type === 'questionnaire/settle')).toHaveLength(1));
  emit({ kind: 'changed' });
  await waitFor(() => expect(screen.queryByText('Excel <b>and</b> mail')).toBeNull());
  fireEvent.click(screen.getAllByRole('button', { name: 'Accept as unstated need' })[0]!);
  await waitFor(() => expect(calls.filter((c) => c.type === 'questionnaire/settle')).toHaveLength(2));
  await waitFor(() =>
    expect((screen.getAllByRole('button', { name: 'Dismiss' }).at(-1) as HTMLButtonElement).disabled).toBe(
      false,
    ),
  );
  fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' }).at(-1)!);
  await waitFor(() => expect(calls.filter((c) => c.type === 'questionnaire/settle')).toHaveLength(3));
  expect(calls.filter((c) => c.type === 'questionnaire/settle').map((c) => c.payload)).toEqual([
    { threadId: 'gmail:t1', key: 'm2#0', decision: 'accept', dealId: 'd1', expectedVersion: 4 },
    {
      threadId: 'gmail:t1',
      key: 'm2#1',
      decision: 'accept',
      dealId: 'd1',
      expectedVersion: 4,
      unstated: true,
    },
    { threadId: 'gmail:t1', key: 'm2#2', decision: 'dismiss', dealId: 'd1', expectedVersion: 4 },
  ]);
});

test('nothing offered: nothing shown', async () => {
  const { container, calls } = renderWithApi(<ReplyAnswers deal={deal} onReload={() => undefined} />, {
    'questionnaire/answers': () => [],
  });
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(container.textContent).toBe('');
});
