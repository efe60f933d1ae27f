import { describe, expect, test } from 'vitest';
import { isPlace, jobTitleScore, looksLikeJobTitle } from './job-title';
import { splitTitleCompany } from './title-company';

describe('job titles', () => {
  test.each([
    'Senior Vice President and Chief Financial Officer',
    'Town Clerk',
    'FOUNDER, PARTNER',
    'Leiter Vertrieb Europa',
    'Vertriebsleiterin',
    'Geschäftsführerin',
    'Directrice commerciale',
    'Director de Ventas',
    'Diretora Financeira',
    'Responsabile acquisti',
    'Hoofd Inkoop',
    'CEO',
  ])('%s is a title', (text) => expect(looksLikeJobTitle(text)).toBe(true));

  test.each([
    'Tom Reed is an agent with',
    'Texas',
    'New South Wales',
    'Jane Miller',
    'Our People',
    'For billing questions, please contact us.',
    'Phone: 303 555 0147',
  ])('%s is not a title', (text) => expect(jobTitleScore(text)).toBe(0));

  test('places', () => {
    expect(isPlace('North Carolina')).toBe(true);
    expect(isPlace('Sales')).toBe(false);
  });
});

describe('title and company', () => {
  test.each([
    ['Head of Sales, Acme GmbH', 'Head of Sales', 'Acme GmbH'],
    ['CTO at Acme', 'CTO', 'Acme'],
    ['Leiterin Einkauf bei Acme', 'Leiterin Einkauf', 'Acme'],
    ['CEO | Acme', 'CEO', 'Acme'],
    ['FOUNDER, PARTNER', 'FOUNDER, PARTNER', undefined],
    [
      'Senior Vice President, Chief Financial Officer',
      'Senior Vice President, Chief Financial Officer',
      undefined,
    ],
    ['Sales Manager, Texas', 'Sales Manager, Texas', undefined],
  ])('%s', (line, title, company) => {
    expect(splitTitleCompany(line)).toEqual(company ? { title, company } : { title });
  });
});
