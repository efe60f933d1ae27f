import { describe, expect, test } from 'vitest';
import { phoneValue } from './phone';

describe('phoneValue', () => {
  test.each([
    ['(303) 555-0147', 'US', '+13035550147'],
    ['(303) 555-0147 ext. 4417', 'US', '+13035550147;ext=4417'],
    ['303.555.0147 x12', 'US', '+13035550147;ext=12'],
    ['089 2180-4471', 'DE', '+498921804471'],
    ['0049 89 2180-4471', undefined, '+498921804471'],
    ['+44 20 7946 0958', undefined, '+442079460958'],
    ['+13035550147;ext=4417', undefined, '+13035550147;ext=4417'],
  ])('%s in %s → %s', (raw, region, expected) => {
    expect(phoneValue(raw, region as never)).toBe(expected);
  });

  test('a national number without a region is kept as written, never dropped', () => {
    expect(phoneValue('089 2180-4471')).toBe('089 2180-4471');
  });

  test('too short or too long is not a phone', () => {
    expect(phoneValue('112')).toBeUndefined();
    expect(phoneValue('1234 5678 9012 3456 78')).toBeUndefined();
  });
});
