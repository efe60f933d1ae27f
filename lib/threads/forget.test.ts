import { describe, expect, test } from 'vitest';
import { normaliseEmail } from '../contacts/email';
import { namesAnyOf, withoutPerson, withoutSuppressedPeople } from './forget';

const key = (e: string) => normaliseEmail(e)?.key;

const thread = {
  id: 'gmail:1',
  participants: [
    { name: 'Jane Doe', email: 'Jane.Doe@ACME.io' },
    { name: 'Tom', email: 'tom@acme.io' },
  ],
  prospectKeys: ['jane.doe@acme.io', 'tom@acme.io'],
};

describe('withoutPerson', () => {
  test('drops the person’s participants and keys (matched by normalised address), keeps the rest', () => {
    const next = withoutPerson(thread, ['jane.doe@acme.io'], key);
    expect(next).toEqual({
      id: 'gmail:1',
      participants: [{ name: 'Tom', email: 'tom@acme.io' }],
      prospectKeys: ['tom@acme.io'],
    });
    expect(JSON.stringify(next)).not.toMatch(/jane/i);
    // The input is untouched (an undo puts it back as it was).
    expect(thread.participants).toHaveLength(2);
  });

  test('nobody left and no contact: undefined (the thread goes); a linked thread stays', () => {
    expect(withoutPerson(thread, ['jane.doe@acme.io', 'tom@acme.io'], key)).toBeUndefined();
    expect(withoutPerson({ ...thread, contactId: 'c2' }, ['jane.doe@acme.io', 'tom@acme.io'], key)).toEqual({
      ...thread,
      contactId: 'c2',
      participants: [],
      prospectKeys: [],
    });
  });

  test('an address that does not normalise is compared as written', () => {
    const odd = { participants: [{ email: 'not an address' }], prospectKeys: [] };
    expect(withoutPerson(odd, ['not an address'], key)).toBeUndefined();
  });
});

describe('namesAnyOf', () => {
  test('by key or by a participant’s address', () => {
    expect(namesAnyOf(thread, ['tom@acme.io'], key)).toBe(true);
    expect(namesAnyOf({ ...thread, prospectKeys: [] }, ['jane.doe@acme.io'], key)).toBe(true);
    expect(namesAnyOf(thread, ['lena@acme.io'], key)).toBe(false);
  });
});

describe('withoutSuppressedPeople', () => {
  const suppressed = (emails: string[]) => {
    const keys = new Set(emails.map((e) => key(e)));
    return async (email: string) => keys.has(key(email));
  };
  const read = { ...thread, focusKey: 'jane.doe@acme.io', messages: [{ id: 'm1' }] };

  test('a suppressed person leaves participants, keys and focus; the rest and the messages stay', async () => {
    expect(await withoutSuppressedPeople(read, suppressed(['jane.doe@acme.io']))).toEqual({
      id: 'gmail:1',
      participants: [{ name: 'Tom', email: 'tom@acme.io' }],
      prospectKeys: ['tom@acme.io'],
      messages: [{ id: 'm1' }],
    });
    expect(await withoutSuppressedPeople(read, suppressed(['tom@acme.io']))).toMatchObject({
      focusKey: 'jane.doe@acme.io',
      prospectKeys: ['jane.doe@acme.io'],
    });
  });

  test('nobody else in it: nothing to store', async () => {
    expect(
      await withoutSuppressedPeople(read, suppressed(['JANE.DOE@acme.io', 'tom@acme.io'])),
    ).toBeUndefined();
  });
});
