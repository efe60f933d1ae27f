import { expect, test } from 'vitest';
import { endOfToday } from './end-of-today';

test('the last millisecond of the local day, from any time in it', () => {
  const morning = new Date(2026, 10, 30, 0, 0, 0, 0).getTime();
  const evening = new Date(2026, 10, 30, 23, 59, 59, 999).getTime();
  expect(endOfToday(morning)).toBe(evening);
  expect(endOfToday(evening)).toBe(evening);
  expect(endOfToday(evening + 1)).toBe(new Date(2026, 11, 1, 23, 59, 59, 999).getTime());
});
