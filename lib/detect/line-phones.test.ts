import { describe, expect, test } from 'vitest';
import { phonesInLine } from './line-phones';

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
