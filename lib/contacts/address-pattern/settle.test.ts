import { expect, test } from 'vitest';
import { openProposal } from './settle';
import { GUESS } from './test-fixtures';

const guess = GUESS;

test('a guess stays open until a confirmed address at the company settles it', () => {
  expect(openProposal(guess, [])).toBe(guess);
  expect(openProposal(guess, ['bjoern@gmail.com'])).toBe(guess);
  expect(openProposal(guess, ['bjoern.koehler@acme-maschinenbau.de'])).toBeUndefined();
  expect(openProposal(guess, ['bk@mail.acme-maschinenbau.de'])).toBeUndefined();
  expect(openProposal(undefined, [])).toBeUndefined();
  expect(openProposal({ ...guess, address: 'not an address' }, [])).toBeUndefined();
  expect(openProposal({ ...guess, key: 'someone.else@acme-maschinenbau.de' }, [])).toBeUndefined();
});
