import { expect, test } from 'vitest';
import { advance, recordFact, scheduleNextAction, startDeal } from '../pipeline';
import { mergeDeals } from './merge';

const base = startDeal({ id: 'd1', contactId: 'c1', title: 'Line 1', now: 1_000, fitConfirmed: true });

test('merging keeps the furthest step, every need and fact, and the latest next action', () => {
  // Anna logs outreach, moves on and adds a need; Ben, apart, sets a next action and a value.
  let anna = recordFact(base, { kind: 'outreach' }, 2_000);
  anna = advance(anna, 3_000);
  anna = recordFact(anna, { kind: 'need', need: 'Faster belts' }, 3_500);
  anna = { ...anna, version: 4 };
  let ben = recordFact(base, { kind: 'need', need: 'Less noise', unstated: true }, 2_500);
  ben = scheduleNextAction(ben, { text: 'Call Max', due: 9_000 }, 4_000);
  ben = { ...ben, value: { amount: 5_000, currency: 'EUR' }, version: 3 };

  for (const merged of [mergeDeals(anna, ben), mergeDeals(ben, anna)]) {
    expect(merged.step).toBe(anna.step);
    expect(merged.history).toEqual(anna.history);
    expect(merged.needs.stated).toEqual(['Faster belts']);
    expect(merged.needs.unstated).toEqual(['Less noise']);
    expect(merged.facts.outreachAt).toBe(2_000);
    expect(merged.value).toEqual({ amount: 5_000, currency: 'EUR' });
    // Ben's next action was for the step Anna moved away from: it does not carry over.
    expect(merged.nextAction).toBeUndefined();
    expect(merged.version).toBe(4);
  }
});

test('a next action for the merged step is kept', () => {
  const a = { ...scheduleNextAction(base, { text: 'Mail', due: 5_000 }, 2_000), version: 2 };
  const b = { ...base, title: 'Line 1 (big)', updatedAt: 3_000, version: 2 };
  const merged = mergeDeals(a, b);
  expect(merged).toMatchObject({ title: 'Line 1 (big)', nextAction: { text: 'Mail' } });
});
