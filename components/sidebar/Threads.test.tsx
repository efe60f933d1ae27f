// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { startDeal } from '@/lib/pipeline';
import type { ThreadView } from '@/lib/messages';
import { renderWithApi } from '../test-utils';
import { Threads } from './Threads';

const T0 = Date.UTC(2026, 10, 23, 9);
const deal = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 3', now: T0 });
const second = startDeal({ id: 'd2', contactId: 'c1', title: 'Line 4', now: T0 });
const thread = (over: Partial<ThreadView>): ThreadView => ({
  id: 'gmail:18c2f0a1b2c3d4e5',
  provider: 'gmail',
  subject: 'Conveyor retrofit',
  participants: [{ name: 'Markus Weber', email: 'markus@acme.de' }],
  lastAt: T0,
  lastDirection: 'out',
  messageCount: 2,
  followUp: { state: 'waiting-on-them', since: T0, dueAt: T0 + 3 * 86_400_000 },
  dealId: 'd1',
  openUrl: 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e5',
  ...over,
});

test('a linked thread: subject, people, who wrote last, the follow-up, Open and Unlink', async () => {
  const { calls } = renderWithApi(<Threads contactId="c1" deals={[deal]} now={() => T0 + 4 * 86_400_000} />, {
    'threads/of-contact': () => [thread({})],
    'threads/link': () => thread({ dealId: undefined }),
  });
  expect(await screen.findByText('Conveyor retrofit')).toBeTruthy();
  expect(screen.getByText('Markus Weber')).toBeTruthy();
  expect(screen.getByText(/you wrote last/)).toBeTruthy();
  expect(screen.getByText(/Follow-up due/)).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(
    'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e5',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Unlink' }));
  await waitFor(() =>
    expect(calls.find((c) => c.type === 'threads/link')?.payload).toEqual({
      threadId: 'gmail:18c2f0a1b2c3d4e5',
      dealId: null,
    }),
  );
});

test('several open deals: the thread asks which one', async () => {
  const { calls } = renderWithApi(<Threads contactId="c1" deals={[deal, second]} now={() => T0} />, {
    'threads/of-contact': () => [thread({ dealId: undefined, askDealIds: ['d1', 'd2'] })],
    'threads/link': () => thread({ dealId: 'd2' }),
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Line 4' }));
  await waitFor(() =>
    expect(calls.find((c) => c.type === 'threads/link')?.payload).toMatchObject({ dealId: 'd2' }),
  );
});

test('no deal: Start deal with this thread', async () => {
  const { calls } = renderWithApi(<Threads contactId="c1" deals={[]} now={() => T0} />, {
    'threads/of-contact': () => [thread({ dealId: undefined, followUp: { state: 'none' } })],
    'deals/start': () => ({ deal, existing: false }),
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Start a deal with this thread' }));
  await waitFor(() => expect(calls.some((c) => c.type === 'deals/start')).toBe(true));
});

test('the timeline says which way a thread’s e-mail went', async () => {
  const { Timeline } = await import('./Timeline');
  const contact = { id: 'c1', name: 'Markus Weber', emails: [] } as never;
  const mail = (id: string, direction: 'in' | 'out', at: number) => ({
    id,
    subjectId: 'd1',
    contactId: 'c1',
    dealId: 'd1',
    kind: 'email' as const,
    at,
    text: 'Conveyor retrofit',
    messageId: `gmail:${id}`,
    direction,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  renderWithApi(
    <Timeline
      detail={{ contact, deals: [], activities: [mail('m2', 'in', T0 + 1), mail('m1', 'out', T0)] }}
    />,
    {},
  );
  expect(await screen.findByText('E-mail received')).toBeTruthy();
  expect(screen.getByText('E-mail sent')).toBeTruthy();
});
