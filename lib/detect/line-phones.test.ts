import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeSafe, phonesInLine } from './line-phones';

describe('phones in a line', () => {
  test('labelled, international and NANP numbers anywhere; extensions kept', () => {
    expect(phonesInLine('Phone: (303) 555-0147 ext. 4417', undefined, false).phones).toEqual([
      '+13035550147;ext=4417',
    ]);
    expect(phonesInLine('Call 303-555-0147 today', undefined, false).phones).toEqual(['+13035550147']);
    expect(phonesInLine('Tel. 089 2180-4471', 'DE', false).phones).toEqual(['+498921804471']);
    expect(phonesInLine('+44 20 7946 0958', undefined, false).phones).toEqual(['+442079460958']);
  });

  test('a national number without region is kept as written', () => {
    expect(phonesInLine('Tel. 089 2180-4471', undefined, false).phones).toEqual(['089 2180-4471']);
  });

  test('fax is a fax, not the phone', () => {
    const read = phonesInLine('T 089 2180-4471 · F 089 2180-4499', 'DE', false);
    expect(read.phones).toEqual(['+498921804471']);
    expect(read.faxes).toEqual(['+498921804499']);
    expect(phonesInLine('Fax: (303) 555-0199', 'US', true).phones).toEqual([]);
  });

  test('unlabelled national numbers only inside a person block', () => {
    expect(phonesInLine('089 2180-4471', 'DE', false).phones).toEqual([]);
    expect(phonesInLine('089 2180-4471', 'DE', true).phones).toEqual(['+498921804471']);
  });

  test('dates, years, ZIP codes are not phones; an extension alone is an extension', () => {
    expect(phonesInLine('2019 – 2024, 2024-05-01, 80202-1234', 'US', true).phones).toEqual([]);
    expect(phonesInLine('Phone Ext: 4417', 'US', true)).toEqual({ phones: [], faxes: [], extension: '4417' });
  });
});

describe('a tel: link decoded', () => {
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
