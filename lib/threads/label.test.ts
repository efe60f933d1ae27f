import { expect, test } from 'vitest';
import { followUpLabelKey } from './label';

test('labels: waiting, then due once the date has passed', () => {
  const them = { state: 'waiting-on-them' as const, since: 0, dueAt: 100 };
  const you = { state: 'waiting-on-you' as const, since: 0, dueAt: 100 };
  expect(followUpLabelKey(them, 99)).toBe('followUpWaitingOnThem');
  expect(followUpLabelKey(them, 100)).toBe('followUpDue');
  expect(followUpLabelKey(you, 99)).toBe('followUpWaitingOnYou');
  expect(followUpLabelKey(you, 101)).toBe('followUpReplyDue');
  expect(followUpLabelKey({ state: 'none' }, 1)).toBeUndefined();
  expect(followUpLabelKey(undefined, 1)).toBeUndefined();
});
