import { expect, test } from 'vitest';
import { translate } from './index';

test('placeholders are filled in once, unknown ones left as they are', () => {
  const values = { matching: 4, total: 5, domain: 'acme.de', pattern: 'first.last' };
  expect(translate('en', 'guessEvidence', values)).toBe('4 of 5 known addresses at acme.de are first.last');
  expect(translate('de', 'guessEvidence', values)).toBe(
    '4 von 5 bekannten Adressen bei acme.de folgen dem Muster first.last',
  );
  // A value is never read as a placeholder, and inherited names are not values.
  expect(translate('en', 'guessEvidence', { matching: '{total}', total: 2, constructor: 1 } as never)).toBe(
    '{total} of 2 known addresses at {domain} are {pattern}',
  );
  expect(translate('en', 'notifyMoved', {})).toBe('Moved to {stage}');
});
