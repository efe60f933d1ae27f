import { expect, test } from 'vitest';
import { contactKey } from './key';

test('one key per person: email first (normalised), else the name', () => {
  expect(contactKey({ emails: ['not-an-email', 'Jane@Müller.de'], name: 'Jane' })).toBe(
    'jane@xn--mller-kva.de',
  );
  expect(contactKey({ emails: [], name: 'Jane Doe' })).toBe('name:jane doe');
});
