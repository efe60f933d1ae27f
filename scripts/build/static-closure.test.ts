import { expect, it } from 'vitest';
import { staticClosure } from './static-closure';

it('follows imports from every root, through cycles, and keeps each module once', () => {
  const imports = new Map([
    ['a', ['b']],
    ['b', ['c', 'a']],
    ['c', []],
    ['d', ['c']],
    ['e', ['f']],
  ]);
  expect([...staticClosure(imports, ['a'])].sort()).toEqual(['a', 'b', 'c']);
  expect([...staticClosure(imports, ['a', 'd'])].sort()).toEqual(['a', 'b', 'c', 'd']);
  // A module the graph has no entry for (an external) is reached but leads nowhere.
  expect([...staticClosure(imports, ['e'])].sort()).toEqual(['e', 'f']);
});
