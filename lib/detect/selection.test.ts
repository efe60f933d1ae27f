import { expect, test } from 'vitest';
import { contactFromText } from './selection';

test('a copied signature becomes a contact', () => {
  const c = contactFromText(
    'Jana Schubert\nGeschäftsführerin\nAcme GmbH\nTel. 030 1234567\njana.schubert@acme-industrie.de',
    'DE',
  );
  expect(c).toMatchObject({
    name: 'Jana Schubert',
    title: 'Geschäftsführerin',
    company: 'Acme GmbH',
    phones: ['+49301234567'],
    emails: ['jana.schubert@acme-industrie.de'],
    companyDomain: 'acme-industrie.de',
  });
});

test('an address line, and nothing from noise', () => {
  expect(contactFromText('Tom Berg <tom@beta.io>')).toMatchObject({
    name: 'Tom Berg',
    emails: ['tom@beta.io'],
  });
  expect(contactFromText('the quick brown fox')).toBeUndefined();
  expect(contactFromText('')).toBeUndefined();
});
