import { describe, expect, test } from 'vitest';
import { looksLikePersonName, nameParts, personNameScore } from './person-name';

describe('person names', () => {
  test.each([
    ['Jane Miller', 'Jane Miller'],
    ['Dr. Jane Q. Miller, CMC', 'Jane Q. Miller'],
    ['Ana de la Cruz', 'Ana de la Cruz'],
    ['Hans-Peter Müller', 'Hans-Peter Müller'],
    ['JANE MILLER', 'JANE MILLER'],
    ['Frau Prof. Dr. Ulrike Brandt', 'Ulrike Brandt'],
    ['Kwame Osei-Mensah PhD', 'Kwame Osei-Mensah'],
  ])('%s is a name: %s', (text, name) => {
    expect(nameParts(text)?.name).toBe(name);
    expect(looksLikePersonName(text)).toBe(true);
  });

  test.each([
    'About Us Jobs',
    'Our People',
    'Useful Links',
    'Connect With Us',
    'Subscribe Today',
    'Office Hours',
    'Town Clerk',
    'Chief Financial Officer',
    'Acme Inc.',
    'Acme Holdings',
    '123 Main Street',
    'Monday Friday',
    'Leiter Vertrieb',
    'Jane',
    'jane miller',
    'Jane Miller, Sales Manager',
  ])('%s is not a name', (text) => {
    expect(personNameScore(text)).toBe(0);
  });

  test('a known given name is stronger evidence than shape alone', () => {
    expect(personNameScore('Ann Porter')).toBeGreaterThan(personNameScore('Kwame Osei'));
    expect(personNameScore('Kwame Osei')).toBeGreaterThanOrEqual(0.5);
    expect(personNameScore('Dr. Kwame Osei')).toBeGreaterThan(personNameScore('Kwame Osei'));
  });
});
