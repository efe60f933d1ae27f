import { expect, test } from 'vitest';
import { perFunction } from './profile-split';

test('a CPU profile is summed per function: self where sampled, inclusive up the stack, once per recursion', () => {
  const frame = (functionName: string, lineNumber: number) => ({ functionName, lineNumber });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', -1), children: [2] },
      { id: 2, callFrame: frame('scan', 10), children: [3, 4] },
      { id: 3, callFrame: frame('visit', 20), children: [5] },
      { id: 4, callFrame: frame('', 30) },
      { id: 5, callFrame: frame('visit', 20) },
    ],
    samples: [2, 3, 5, 5, 4],
    timeDeltas: [100, 200, 300, 400, 500],
  };
  const { self, inclusive } = perFunction(profile);
  expect(Object.fromEntries(self)).toEqual({ 'scan:10': 100, 'visit:20': 900, '(anonymous):30': 500 });
  expect(Object.fromEntries(inclusive)).toEqual({
    '(root):-1': 1500,
    'scan:10': 1500,
    'visit:20': 900,
    '(anonymous):30': 500,
  });
  expect(self[0]).toEqual(['visit:20', 900]);
});
