import { expect, test } from 'vitest';
import type { ThreadRecord } from '@/lib/db';
import { followUpReminders } from './follow-up-reminders';

const thread = (id: string, dueAt: number, dealId: string | undefined = 'd1') =>
  ({ id, dealId, followUpDueAt: dueAt }) as ThreadRecord;

test('each due follow-up fires once per due date; a moved date fires again', () => {
  const first = followUpReminders([thread('t1', 100), thread('t2', 200)], {});
  expect(first.fresh.map((t) => t.id)).toEqual(['t1', 't2']);
  const again = followUpReminders([thread('t1', 100), thread('t2', 200)], first.notified);
  expect(again.fresh).toEqual([]);
  const moved = followUpReminders([thread('t1', 300)], again.notified);
  expect(moved.fresh.map((t) => t.id)).toEqual(['t1']);
  expect(followUpReminders([{ ...thread('t3', 1), dealId: undefined }], {}).fresh).toEqual([]);
});

test('what was notified stays bounded', () => {
  const many = Object.fromEntries(Array.from({ length: 1_200 }, (_, i) => [`old${i}`, i]));
  const { notified } = followUpReminders([thread('new', 5)], many);
  expect(Object.keys(notified)).toHaveLength(1_000);
  expect(notified.new).toBe(5);
});
