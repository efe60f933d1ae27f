import { expect, test } from 'vitest';
import { parseMailDate } from './mail-date';

const local = (y: number, m: number, d: number, h: number, mi: number) =>
  new Date(y, m - 1, d, h, mi).getTime();

test.each([
  ['Mon, 23 Nov 2026, 09:12', local(2026, 11, 23, 9, 12)],
  ['Tue, Jan 5, 2026, 9:00 AM', local(2026, 1, 5, 9, 0)],
  ['Tue, Jan 5, 2026, 12:30\u202fPM', local(2026, 1, 5, 12, 30)],
  ['Tue, Jan 5, 2026, 12:05 AM', local(2026, 1, 5, 0, 5)],
  ['Mo., 23. Nov. 2026, 09:12', local(2026, 11, 23, 9, 12)],
  ['Mi., 3. März 2027, 17:45', local(2027, 3, 3, 17, 45)],
  ['Mi 25.11.2026 10:30', local(2026, 11, 25, 10, 30)],
  ['Wed 11/25/2026 10:30 AM', local(2026, 11, 25, 10, 30)],
  ['Wed 25/11/2026 14:30', local(2026, 11, 25, 14, 30)],
])('%s', (text, at) => {
  expect(parseMailDate(text)).toBe(at);
});

test('ISO datetime keeps its offset', () => {
  expect(parseMailDate('2026-11-25T10:30:00+01:00')).toBe(Date.UTC(2026, 10, 25, 9, 30));
});

test('not a full date: undefined', () => {
  for (const text of [
    undefined,
    '',
    '10:30',
    'yesterday',
    'Mon, 31 Feb 2026, 09:00',
    'Nov 2026',
    '25.11.2026',
  ])
    expect(parseMailDate(text)).toBeUndefined();
});
