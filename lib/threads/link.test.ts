import { expect, test } from 'vitest';
import { decideLink } from './link';

test('one open deal links automatically', () => {
  expect(
    decideLink({}, [
      { id: 'd1', status: 'open' },
      { id: 'd0', status: 'lost' },
    ]),
  ).toEqual({
    kind: 'link',
    dealId: 'd1',
  });
});

test('several open deals ask, none offers Start deal', () => {
  expect(
    decideLink({}, [
      { id: 'd2', status: 'open' },
      { id: 'd1', status: 'open' },
    ]),
  ).toEqual({ kind: 'ask', dealIds: ['d1', 'd2'] });
  expect(decideLink({}, [])).toEqual({ kind: 'offer-start' });
  expect(decideLink({}, [{ id: 'd0', status: 'won' }])).toEqual({ kind: 'offer-start' });
});

test('a linked thread stays linked; an unlinked one is never relinked by itself', () => {
  const deals = [{ id: 'd1', status: 'open' as const }];
  expect(decideLink({ dealId: 'd9' }, [...deals, { id: 'd9', status: 'won' }])).toEqual({ kind: 'keep' });
  expect(decideLink({ unlinked: true }, deals)).toEqual({ kind: 'keep' });
  // A link to a deal that no longer exists is decided again.
  expect(decideLink({ dealId: 'gone' }, deals)).toEqual({ kind: 'link', dealId: 'd1' });
});
