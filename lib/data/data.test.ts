import { expect, test } from 'vitest';
import {
  freeMailDomains,
  greetings,
  isFreeMailDomain,
  isRoleAddress,
  legalFooterPhrases,
  roleLocalParts,
  valedictions,
} from './index';

test.each([
  ['free-mail domains', freeMailDomains],
  ['role local parts', roleLocalParts],
  ['valedictions', valedictions],
  ['greetings', greetings],
  ['legal-footer phrases', legalFooterPhrases],
])('%s are sorted, unique and lower-case', (_name, list: string[]) => {
  expect(list).toEqual([...new Set(list)].sort());
  expect(list.every((x) => x === x.toLowerCase() && x.trim() === x && x.length > 0)).toBe(true);
});

test('lookups', () => {
  expect(isFreeMailDomain('GMX.de')).toBe(true);
  expect(isFreeMailDomain('acme.io')).toBe(false);
  expect(isRoleAddress('karriere@acme.de')).toBe(true);
  expect(isRoleAddress('no-reply@acme.de')).toBe(true);
  expect(isRoleAddress('sales-team@acme.de')).toBe(true);
  expect(isRoleAddress('jane.doe@acme.de')).toBe(false);
  expect(isRoleAddress('info.de@acme.de')).toBe(true);
});
