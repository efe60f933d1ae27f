import { expect, test, vi } from 'vitest';
import { keptAnswers } from './kept-answers';

test('one asking per key for callers that come together, kept after', async () => {
  const ask = vi.fn(async (key: string) => key.toUpperCase());
  const answer = keptAnswers(ask);
  expect(await Promise.all([answer('a'), answer('a'), answer('b')])).toEqual(['A', 'A', 'B']);
  expect(await answer('a')).toBe('A');
  expect(ask).toHaveBeenCalledTimes(2);
});

test('a failed asking is forgotten: the next caller asks again', async () => {
  let fail = true;
  const ask = vi.fn(async () => {
    if (fail) throw new Error('chunk did not load');
    return 'loaded';
  });
  const answer = keptAnswers(ask);
  await expect(Promise.all([answer(undefined), answer(undefined)])).rejects.toThrow('chunk did not load');
  expect(ask).toHaveBeenCalledTimes(1);
  fail = false;
  expect(await answer(undefined)).toBe('loaded');
  expect(await answer(undefined)).toBe('loaded');
  expect(ask).toHaveBeenCalledTimes(2);
});
