import { expect, test } from 'vitest';
import { getCountries } from 'libphonenumber-js';
import { COUNTRY_CODES } from './countries';

test('the written-out regions are exactly those of the phone metadata in use', () => {
  expect([...COUNTRY_CODES]).toEqual(getCountries());
});
