import { describe, expect, test } from 'vitest';
import { applyDealEdit } from './deal-edit';
import { testDeal } from './test-deal';

const T0 = Date.UTC(2026, 10, 1, 9);
const deal = testDeal({ now: T0 });

describe('a rep edits a deal', () => {
  test('title, value and next action are set; null clears value and next action', () => {
    const due = T0 + 86_400_000;
    const edited = applyDealEdit(
      deal,
      {
        title: '  Retrofit   line 3 ',
        value: { amount: 48_000, currency: 'EUR' },
        nextAction: { text: 'Call', due },
      },
      T0 + 5,
    );
    expect(edited).toMatchObject({
      title: 'Retrofit line 3',
      value: { amount: 48_000, currency: 'EUR' },
      nextAction: { text: 'Call', due },
      step: deal.step,
      history: deal.history,
    });
    const cleared = applyDealEdit(edited, { value: null, nextAction: null }, T0 + 6);
    expect(cleared.value).toBeUndefined();
    expect(cleared.nextAction).toBeUndefined();
    expect(cleared.title).toBe('Retrofit line 3');
  });

  test.each([
    [{ title: '   ' }, /needs a title/],
    [{ title: 'x'.repeat(501) }, /title/],
    [{ value: { amount: -1, currency: 'EUR' } }, /amount/],
    [{ value: { amount: 1, currency: 'euro' } }, /currency/],
    [{ nextAction: { text: '', due: T0 } }, /needs a text/],
  ])('bad input is refused: %j', (edit, message) => {
    expect(() => applyDealEdit(deal, edit, T0)).toThrow(message);
  });
});
