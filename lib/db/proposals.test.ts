import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { MIGRATIONS } from './migrations';
import { openStore } from './open';
import { GUESS, guessedContact } from '../contacts/address-pattern/test-fixtures';
import { contactRecord } from '../io/records';
import { contactByEmail, getContact, upsertContact } from './contacts';
import { confirmProposedEmail, contactsAtDomains, settleGuesses } from './proposals';
import { openTestStore } from './test-store';
import { dbOf } from './internal';

const guess = GUESS;

describe('a guessed address is never an address', () => {
  test('stored beside the addresses, not among them; valid as a backup record', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Björn Köhler', proposedEmail: guess });
    expect(contact.emails).toEqual([]);
    expect(contact.emailKeys).toEqual([]);
    expect(contact.proposedEmail).toEqual(guess);
    expect(contact.companyDomain).toBe('acme-maschinenbau.de');
    expect(await contactByEmail(store, guess.address)).toBeUndefined();
    expect(contactRecord.safeParse(contact).success).toBe(true);
    expect(contactRecord.safeParse({ ...contact, proposedEmail: { ...guess, confidence: 2 } }).success).toBe(
      false,
    );
  });

  test('confirming makes it a normal address, matched like any other', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Björn Köhler', proposedEmail: guess });
    await expect(confirmProposedEmail(store, contact.id, contact.version + 1)).rejects.toMatchObject({
      code: 'conflict',
    });
    const confirmed = await confirmProposedEmail(store, contact.id, contact.version);
    expect(confirmed.emails).toEqual([guess.address]);
    expect(confirmed.proposedEmail).toBeUndefined();
    expect('proposedEmail' in confirmed).toBe(false);
    expect((await contactByEmail(store, 'BJOERN.KOEHLER@acme-maschinenbau.de'))?.id).toBe(contact.id);
    await expect(confirmProposedEmail(store, contact.id, confirmed.version)).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  test('an address another contact has cannot be confirmed onto a second one', async () => {
    const store = await openTestStore();
    await upsertContact(store, { name: 'B. Köhler', emails: [guess.address] });
    const { contact } = await upsertContact(store, { name: 'Björn Köhler', proposedEmail: guess });
    await expect(confirmProposedEmail(store, contact.id, contact.version)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('B. Köhler'),
    });
    expect((await dbOf(store).get('contacts', contact.id))?.proposedEmail).toEqual(guess);
  });

  test('the guessed address seen on a page joins the guessed contact and settles the guess', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Björn Köhler', proposedEmail: guess });
    const seen = await upsertContact(store, {
      name: 'Björn Köhler',
      emails: ['Bjoern.Koehler@acme-maschinenbau.de'],
    });
    expect(seen.created).toBe(false);
    expect(seen.contact.id).toBe(contact.id);
    expect(seen.contact.emails).toEqual(['Bjoern.Koehler@acme-maschinenbau.de']);
    expect(seen.contact.proposedEmail).toBeUndefined();
    expect(await dbOf(store).count('contacts')).toBe(1);
  });

  test('a contact whose real address at the company is known needs no guess', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, {
      name: 'Björn Köhler',
      emails: ['bk@acme-maschinenbau.de'],
      proposedEmail: guess,
    });
    expect(contact.proposedEmail).toBeUndefined();
  });

  test('contacts at a domain, for evidence', async () => {
    const store = await openTestStore();
    await upsertContact(store, {
      name: 'Anna Schäfer',
      emails: ['anna.schaefer@acme-maschinenbau.de'],
      companyDomain: 'acme-maschinenbau.de',
    });
    await upsertContact(store, { name: 'Jane Doe', emails: ['jane@acme.io'], companyDomain: 'acme.io' });
    const found = await contactsAtDomains(store, ['ACME-Maschinenbau.de', 'acme-maschinenbau.de']);
    expect(found.map((c) => c.name)).toEqual(['Anna Schäfer']);
  });
});

test('a version-2 database gains the guess index; its contacts and guesses stay', async () => {
  const name = `v2-fixture-${Math.random()}`;
  const v2 = await openDB(name, 2, {
    upgrade: async (db, _old, _new, tx) => {
      for (const m of MIGRATIONS.slice(0, 2)) await m.run(db as never, tx as never);
    },
  });
  await v2.put('contacts', guessedContact({ id: 'c1', searchTerms: ['björn', 'köhler'], version: 2 }));
  v2.close();
  const store = await openStore({ name });
  expect((await dbOf(store).getFromIndex('contacts', 'byGuess', guess.key))?.id).toBe('c1');
  const seen = await upsertContact(store, { emails: [guess.address] });
  expect(seen).toMatchObject({ created: false, contact: { id: 'c1', emails: [guess.address] } });
});

test('a guessed address seen on a page or in a mail settles the guess by itself', async () => {
  const store = await openTestStore();
  const { contact } = await upsertContact(store, { name: 'Björn Köhler', proposedEmail: guess });
  expect(await settleGuesses(store, ['someone@else.de', 'not an address'])).toEqual([]);
  const [settled] = await settleGuesses(store, ['Bjoern.Koehler@ACME-maschinenbau.de']);
  expect(settled).toMatchObject({ id: contact.id, emails: [guess.address] });
  expect(settled?.proposedEmail).toBeUndefined();
  expect(await settleGuesses(store, [guess.address])).toEqual([]);
  // Taken by another contact: the guess stays a guess.
  const other = await openTestStore();
  await upsertContact(other, { name: 'B. Köhler', emails: [guess.address] });
  const { contact: guessed } = await upsertContact(other, { name: 'Björn Köhler', proposedEmail: guess });
  expect(await settleGuesses(other, [guess.address])).toEqual([]);
  expect((await getContact(other, guessed.id))?.proposedEmail).toEqual(guess);
});
