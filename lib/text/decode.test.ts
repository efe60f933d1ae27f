import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeSafe } from './decode';

describe('a link part decoded', () => {
  test('escapes decoded, broken ones kept as written, text without a % as it is', () => {
    expect(decodeSafe('%2B49%2030%201234567')).toBe('+49 30 1234567');
    expect(decodeSafe('+49%zz30')).toBe('+49%zz30');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        if (!s.includes('%')) expect(decodeSafe(s)).toBe(s);
        let decoded: string | undefined;
        try {
          decoded = decodeURIComponent(s);
        } catch {
          decoded = s;
        }
        expect(decodeSafe(s)).toBe(decoded);
      }),
      { numRuns: 2_000 },
    );
  });
});
