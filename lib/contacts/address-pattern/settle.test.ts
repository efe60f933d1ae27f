import { expect, test } from 'vitest';
import type { AddressProposal } from './propose';
import { openProposal } from './settle';

const guess: AddressProposal = {
  address: 'bjoern.koehler@acme-maschinenbau.de',
  key: 'bjoern.koehler@acme-maschinenbau.de',
  pattern: 'first.last',
  domain: 'acme-maschinenbau.de',
  matching: 4,
  total: 5,
  confidence: 0.67,
  assumed: [],
};

test('a guess stays open until a confirmed address at the company settles it', () => {
  expect(openProposal(guess, [])).toBe(guess);
  expect(openProposal(guess, ['bjoern@gmail.com'])).toBe(guess);
  expect(openProposal(guess, ['bjoern.koehler@acme-maschinenbau.de'])).toBeUndefined();
  expect(openProposal(guess, ['bk@mail.acme-maschinenbau.de'])).toBeUndefined();
  expect(openProposal(undefined, [])).toBeUndefined();
  expect(openProposal({ ...guess, address: 'not an address' }, [])).toBeUndefined();
  expect(openProposal({ ...guess, key: 'someone.else@acme-maschinenbau.de' }, [])).toBeUndefined();
});
