import { expect, test } from 'vitest';
import fc from 'fast-check';
import { checkContentCommand } from './content-command';
import { parseContentCommand } from './events';

test('the hand check accepts exactly what the zod definition accepts', () => {
  const near = fc.oneof(
    fc.constant({ type: 'badges/refresh' }),
    fc.record(
      { type: fc.constantFrom('badges/refresh', 'other', ''), extra: fc.anything() },
      { requiredKeys: ['type'] },
    ),
    fc.dictionary(fc.string(), fc.anything()),
    fc.anything(),
  );
  fc.assert(
    fc.property(near, (value) => {
      expect(checkContentCommand(value)).toEqual(parseContentCommand(value));
    }),
    { numRuns: 2_000 },
  );
  expect(checkContentCommand({ type: 'badges/refresh' })).toEqual({ type: 'badges/refresh' });
  expect(checkContentCommand(['badges/refresh'])).toBeUndefined();
  expect(checkContentCommand({ type: 'badges/refresh', html: '<b>' })).toBeUndefined();
  // Stricter than zod in one way: an inherited `type` is not the message's (a clone never has one).
  expect(checkContentCommand(Object.create({ type: 'badges/refresh' }))).toBeUndefined();
});
