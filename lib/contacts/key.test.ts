import { expect, test } from 'vitest';
import { contactKey, keyOfTarget } from './key';

test('one key per person: email first (normalised), else the name', () => {
  expect(contactKey({ emails: ['not-an-email', 'Jane@Müller.de'], name: 'Jane' })).toBe(
    'jane@xn--mller-kva.de',
  );
  expect(contactKey({ emails: [], name: 'Jane Doe' })).toBe('name:jane doe');
  expect(keyOfTarget('JANE@müller.de')).toBe(contactKey({ emails: ['jane@müller.de'] }));
  expect(keyOfTarget('name:jane doe')).toBe('name:jane doe');
  expect(keyOfTarget('Jane Doe')).toBe('name:jane doe');
});
