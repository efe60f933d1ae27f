import { describe, expect, test } from 'vitest';
import { readPersonLine } from './person-line';

describe('person lines', () => {
  test.each([
    ['Town Clerk – Jane Miller, CMC (ext. 112)', 'Jane Miller', 'Town Clerk'],
    ['Jane Miller, Town Clerk', 'Jane Miller', 'Town Clerk'],
    ['Jane Miller, CMC, Town Clerk', 'Jane Miller', 'Town Clerk'],
    ['Jane Miller | Head of Sales', 'Jane Miller', 'Head of Sales'],
    ['Bürgermeister: Hans Weber', 'Hans Weber', 'Bürgermeister'],
    ['By Jane Miller', 'Jane Miller', undefined],
    ['Dr. Ulrike Brandt', 'Ulrike Brandt', undefined],
  ])('%s', (line, name, title) => {
    const read = readPersonLine(line);
    expect(read?.name).toBe(name);
    expect(read?.title).toBe(title);
  });

  test.each([
    'About Us Jobs',
    'For billing questions, please contact Ann Porter at the front desk.',
    'Office Hours: Monday – Friday',
    'Useful Links | Connect With Us',
    'Acme Inc. – 123 Main Street',
  ])('%s names nobody', (line) => expect(readPersonLine(line)).toBeUndefined());
});
