import { describe, expect, test } from 'vitest';
import { dealFollowUp, followUpOf, isDue, mergeMessages, type ThreadMessage } from './follow-up';

const mon = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const day = 86_400_000;
const out = (id: string, at: number): ThreadMessage => ({ id, at, direction: 'out' });
const inn = (id: string, at: number): ThreadMessage => ({ id, at, direction: 'in' });

describe('followUpOf', () => {
  test('the rep wrote last: waiting on them, due after N working days', () => {
    const f = followUpOf([inn('a', mon - day), out('b', mon)], 3, 'UTC');
    expect(f).toEqual({ state: 'waiting-on-them', since: mon, dueAt: mon + 3 * day });
    expect(isDue(f, mon + 3 * day - 1)).toBe(false);
    expect(isDue(f, mon + 3 * day)).toBe(true);
  });

  test('N working days skip the weekend', () => {
    const fri = mon + 4 * day;
    const f = followUpOf([out('b', fri)], 2, 'UTC');
    expect(f.state !== 'none' && f.dueAt).toBe(fri + 4 * day); // Tuesday
  });

  test('the prospect wrote last: waiting on you, due after one working day', () => {
    const f = followUpOf([out('a', mon), inn('b', mon + day)], 3, 'UTC');
    expect(f).toEqual({ state: 'waiting-on-you', since: mon + day, dueAt: mon + 2 * day });
  });

  test('a reply clears waiting on them; the message order is by date, not by reading order', () => {
    const waiting = followUpOf([out('b', mon)], 3, 'UTC');
    expect(waiting.state).toBe('waiting-on-them');
    const replied = followUpOf([inn('c', mon + day), out('b', mon)], 3, 'UTC');
    expect(replied.state).toBe('waiting-on-you');
    const answered = followUpOf([inn('c', mon + day), out('b', mon), out('d', mon + 2 * day)], 3, 'UTC');
    expect(answered).toMatchObject({ state: 'waiting-on-them', since: mon + 2 * day });
  });

  test('no messages: nothing to follow up', () => {
    expect(followUpOf([], 3, 'UTC')).toEqual({ state: 'none' });
    expect(isDue({ state: 'none' }, Infinity)).toBe(false);
  });

  test('the time zone decides what a working day is', () => {
    const friLateUtc = Date.UTC(2026, 0, 9, 23, 30); // Saturday morning in Tokyo
    const tokyo = followUpOf([out('a', friLateUtc)], 1, 'Asia/Tokyo');
    const ny = followUpOf([out('a', friLateUtc)], 1, 'America/New_York');
    expect(tokyo.state !== 'none' && new Date(tokyo.dueAt).toISOString()).toBe('2026-01-12T23:30:00.000Z');
    expect(ny.state !== 'none' && new Date(ny.dueAt).toISOString()).toBe('2026-01-12T23:30:00.000Z');
    const berlin = followUpOf([out('a', Date.UTC(2026, 0, 9, 22))], 1, 'Europe/Berlin'); // Fri 23:00 Berlin
    expect(berlin.state !== 'none' && new Date(berlin.dueAt).toISOString()).toBe('2026-01-12T22:00:00.000Z');
  });
});

test('dealFollowUp: the thread due first', () => {
  const a = followUpOf([out('a', mon)], 5, 'UTC');
  const b = followUpOf([inn('b', mon)], 5, 'UTC');
  expect(dealFollowUp([{ state: 'none' }, a, b])).toBe(b);
  expect(dealFollowUp([])).toEqual({ state: 'none' });
});

describe('mergeMessages', () => {
  test('re-reading the same messages adds nothing', () => {
    const read = [out('a', mon), inn('b', mon + day)];
    const first = mergeMessages([], read);
    expect(first.added.map((m) => m.id)).toEqual(['a', 'b']);
    let stored = first.messages;
    for (let i = 0; i < 3; i++) {
      const again = mergeMessages(stored, [...read].reverse());
      expect(again.added).toEqual([]);
      stored = again.messages;
    }
    expect(stored).toEqual(first.messages);
  });

  test('keeps the first date seen and only the newest max', () => {
    const merged = mergeMessages(
      [out('a', mon)],
      [out('a', mon + 5), inn('b', mon + 1), inn('c', mon + 2)],
      2,
    );
    expect(merged.messages.map((m) => m.id)).toEqual(['b', 'c']);
    expect(merged.added.map((m) => m.id)).toEqual(['b', 'c']);
  });
});
