import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { instrumentBundle, medians, splitWake, type LazyRun } from './worker-start-lib';

const BUNDLE = [
  'var background = (function() {',
  '\tvar __esmMin = (fn, res) => () => (fn && (res = fn(fn = 0)), res);',
  '\t// lib/a.ts',
  '\tvar init_a = __esmMin((() => { a = /[(]/.test("(") ? `${")"}`.length : 0; }));',
  '\tvar a;',
  '\t// lib/b.ts',
  '\tinit_a();',
  '\tvar b = a + 1;',
  '\treturn b;',
  '})();',
].join('\n');

describe('the worker start-up profile', () => {
  test('marks each module head and times each lazy initialiser under its module; the code still runs', () => {
    const { code, modules, lazy } = instrumentBundle(BUNDLE);
    expect({ modules, lazy }).toEqual({ modules: 2, lazy: 1 });
    const marks: string[] = [];
    const performance = { mark: (name: string) => marks.push(name), now: () => marks.length };
    const [result, log] = runInNewContext(`${code}; [background, __psLazyLog]`, { performance }) as [
      number,
      LazyRun[],
    ];
    expect(result).toBe(2);
    expect(marks).toEqual(['m:lib/a.ts', 'm:lib/b.ts']);
    expect(log.map(([path, , , depth]) => [path, depth])).toEqual([['lib/a.ts', 0]]);
  });

  test('splits a wake: load and compile, each module less the initialisers it ran, each initialiser less its own', () => {
    const marks = [
      { name: 'm:lib/a.ts', startTime: 10 },
      { name: 'm:lib/b.ts', startTime: 12 },
      { name: 'background:main', startTime: 30 },
    ];
    const lazy: LazyRun[] = [
      ['lib/c.ts', 14, 24, 0],
      ['lib/d.ts', 15, 19, 1],
      ['lib/e.ts', 40, 50, 0],
    ];
    expect(Object.fromEntries(splitWake(marks, lazy))).toEqual({
      '(load and compile)': 10,
      'lib/a.ts': 2,
      'lib/b.ts': 8,
      'lib/c.ts': 6,
      'lib/d.ts': 4,
      '(after main) lib/e.ts': 10,
    });
    expect(splitWake(marks.slice(0, 2)).size).toBe(0);
  });

  test('medians per group over wakes, a group missing from a wake counting 0', () => {
    const wakes = [
      new Map([
        ['lib/a.ts', 4],
        ['lib/b.ts', 1],
      ]),
      new Map([['lib/a.ts', 2]]),
      new Map([['x', 9]]),
    ];
    expect(medians(wakes, (k) => k.split('/')[0]!)).toEqual([
      { key: 'lib', ms: 2 },
      { key: 'x', ms: 0 },
    ]);
  });
});
