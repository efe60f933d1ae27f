import { expect, test } from 'vitest';
import { threadReadOf } from './read';

const base = {
  provider: 'gmail' as const,
  threadId: '18c2f0a1b2c3d4e5',
  subject: ' Proposal ',
  owner: 'rep@seller.io',
  focusEmail: 'Jane@Acme.io',
};

test('direction by the owner; the owner is never a participant', () => {
  const read = threadReadOf(
    {
      ...base,
      own: ['rep.alias@seller.io'],
      messages: [
        {
          id: 'm1',
          at: 10,
          from: { email: 'REP@seller.io' },
          to: [{ email: 'jane@acme.io', name: 'Jane' }],
          cc: [],
        },
        {
          id: 'm2',
          at: 20,
          from: { email: 'jane@acme.io' },
          to: [{ email: 'rep@seller.io' }],
          cc: [{ email: 'bob@acme.io' }],
        },
        { id: 'm3', at: 30, from: { email: 'rep.alias@seller.io' }, to: [{ email: 'jane@acme.io' }], cc: [] },
      ],
    },
    99,
  );
  expect(read).toMatchObject({
    subject: 'Proposal',
    participants: [{ email: 'jane@acme.io', name: 'Jane' }, { email: 'bob@acme.io' }],
    prospectKeys: ['jane@acme.io', 'bob@acme.io'],
    focusKey: 'jane@acme.io',
    messages: [
      { id: 'm1', at: 10, direction: 'out' },
      { id: 'm2', at: 20, direction: 'in' },
      { id: 'm3', at: 30, direction: 'out' },
    ],
  });
});

test('no thread id, no owner or no usable message: nothing to record', () => {
  const m = { id: 'm1', from: { email: 'jane@acme.io' }, to: [], cc: [] };
  expect(threadReadOf({ ...base, threadId: undefined, messages: [m] }, 1)).toBeUndefined();
  expect(threadReadOf({ ...base, owner: undefined, messages: [m] }, 1)).toBeUndefined();
  expect(threadReadOf({ ...base, messages: [{ ...m, from: undefined }] }, 1)).toBeUndefined();
  expect(threadReadOf({ ...base, messages: [] }, 1)).toBeUndefined();
});

test('a message without a readable date takes the time it was first seen', () => {
  const read = threadReadOf(
    { ...base, messages: [{ id: 'm1', from: { email: 'jane@acme.io' }, to: [], cc: [] }] },
    42,
  );
  expect(read?.messages).toEqual([{ id: 'm1', at: 42, direction: 'in' }]);
});
