import { expect, test } from 'vitest';
import { fillIn, translate } from './index';

test('placeholders are filled in, unknown ones left as they are', () => {
  const values = { matching: 4, total: 5, domain: 'acme.de', pattern: 'first.last' };
  expect(fillIn(translate('en', 'guessEvidence'), values)).toBe(
    '4 of 5 known addresses at acme.de are first.last',
  );
  expect(fillIn(translate('de', 'guessEvidence'), values)).toBe(
    '4 von 5 bekannten Adressen bei acme.de folgen dem Muster first.last',
  );
  expect(fillIn('{a} and {b}', { a: '{b}' })).toBe('{b} and {b}');
});
