import { describe, expect, test } from 'vitest';
import { memoize } from './memo';

describe('memoize', () => {
  test('computes once per key, undefined answers included', () => {
    const calls: string[] = [];
    const f = memoize((k: string) => (calls.push(k), k === 'x' ? undefined : k.length), 10);
    expect([f('ab'), f('ab'), f('x'), f('x')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', 'x']);
  });

  test('never holds more than max answers', () => {
    const calls: string[] = [];
    const f = memoize((k: string) => (calls.push(k), k), 3);
    for (const k of ['a', 'b', 'c', 'd', 'a']) f(k);
    // 'd' cleared the table, so 'a' is computed again.
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'a']);
  });

  test('clear forgets every answer', () => {
    const calls: string[] = [];
    const f = memoize((k: string) => (calls.push(k), k), 10);
    f('a');
    f.clear();
    f('a');
    expect(calls).toEqual(['a', 'a']);
  });
});
