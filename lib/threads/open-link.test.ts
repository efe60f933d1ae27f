import { expect, test } from 'vitest';
import { mailboxOf, openLinkOf } from './open-link';

test('Gmail: the thread on mail.google.com in the account it was read in', () => {
  expect(openLinkOf({ provider: 'gmail', threadId: '18C2F0A1B2C3D4E5', account: 1 })).toBe(
    'https://mail.google.com/mail/u/1/#all/18c2f0a1b2c3d4e5',
  );
  expect(openLinkOf({ provider: 'gmail', threadId: '18c2f0a1b2c3d4e5' })).toBe(
    'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e5',
  );
  // The address token Gmail shows when the page carries no hex id is kept as it is.
  expect(openLinkOf({ provider: 'gmail', threadId: 'FMfcgzQXJWbqmvKZ' })).toBe(
    'https://mail.google.com/mail/u/0/#all/FMfcgzQXJWbqmvKZ',
  );
});

test('Outlook: the conversation on the Outlook origin it was read on, never another one', () => {
  const id = 'AAQkAGI2TG93AAA=';
  expect(openLinkOf({ provider: 'outlook', threadId: id, origin: 'https://outlook.live.com' })).toBe(
    'https://outlook.live.com/mail/inbox/id/AAQkAGI2TG93AAA%3D',
  );
  expect(openLinkOf({ provider: 'outlook', threadId: id, origin: 'https://evil.example' })).toMatch(
    /^https:\/\/outlook\.office\.com\/mail\//,
  );
});

test('an id that is not the provider’s gives no link', () => {
  expect(openLinkOf({ provider: 'gmail', threadId: 'javascript:alert(1)' })).toBeUndefined();
  expect(openLinkOf({ provider: 'gmail', threadId: '../../x' })).toBeUndefined();
  expect(openLinkOf({ provider: 'outlook', threadId: 'a b<script>' })).toBeUndefined();
  expect(openLinkOf({ provider: 'outlook', threadId: 'x' })).toBeUndefined();
});

test('mailboxOf reads the account slot and the origin from the address only', () => {
  expect(mailboxOf('https://mail.google.com/mail/u/2/#inbox/abc')).toEqual({
    account: 2,
    origin: 'https://mail.google.com',
  });
  expect(mailboxOf('https://outlook.office.com/mail/inbox')).toEqual({
    account: undefined,
    origin: 'https://outlook.office.com',
  });
  expect(mailboxOf('not a url')).toEqual({});
});
