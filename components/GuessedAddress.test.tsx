// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { compileProfile, DEFAULT_PROFILE } from '@/lib/fit';
import type { AddressProposal } from '@/lib/contacts/address-pattern';
import { GUESS, guessedContact } from '@/lib/contacts/address-pattern/test-fixtures';
import type { Contact } from '@/lib/contacts/contact';
import type { TabContact } from '@/lib/messages';
import { renderWithApi } from './test-utils';
import { Popup } from './popup/Popup';
import { Sidebar } from './sidebar/Sidebar';

const guess: AddressProposal = { ...GUESS, assumed: ['umlaut'] };
const profile = compileProfile(DEFAULT_PROFILE);
const wire = {
  name: 'Björn Köhler',
  title: 'CFO',
  emails: [],
  phones: ['+49301234567'],
  profiles: [],
  detectors: ['card'],
};
const bjoern: TabContact = {
  ...wire,
  key: 'name:björn köhler',
  fit: profile.evaluate(wire),
  proposed: guess,
};

describe('a guessed address in the popup', () => {
  test('marked as a guess with its evidence; saving keeps it a guess', async () => {
    const { calls } = renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => ({ url: 'https://acme-maschinenbau.de/team', contacts: [bjoern] }),
      'deals/due': () => [],
      'contacts/add': () => ({ contact: { id: 'c9' } as never, created: true }),
    });
    const row = await screen.findByRole('listitem');
    expect(row.querySelector('[data-guess]')?.textContent).toMatch(
      /^Guess bjoern\.koehler@acme-maschinenbau\.de4 of 5 known addresses at acme-maschinenbau\.de are first\.last · confidence 67 % · spelling assumed/,
    );
    // The guess is not shown as the person's address.
    expect(row.querySelector('.summary > .muted.small')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(calls.some((c) => c.type === 'contacts/add')).toBe(true));
    expect(calls.find((c) => c.type === 'contacts/add')?.payload).toEqual({
      contact: wire,
      sourceUrl: 'https://acme-maschinenbau.de/team',
      proposedEmail: guess,
    });
  });

  test('Confirm on an unsaved person saves the address as an address', async () => {
    const { calls } = renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => ({ url: 'https://acme-maschinenbau.de/team', contacts: [bjoern] }),
      'deals/due': () => [],
      'contacts/add': () => ({ contact: { id: 'c9' } as never, created: true }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm address' }));
    await waitFor(() => expect(calls.some((c) => c.type === 'contacts/add')).toBe(true));
    expect(calls.find((c) => c.type === 'contacts/add')?.payload).toEqual({
      contact: { ...wire, emails: [guess.address], companyDomain: 'acme-maschinenbau.de' },
      sourceUrl: 'https://acme-maschinenbau.de/team',
    });
  });

  test('Confirm on a saved person confirms at its current version', async () => {
    const { calls } = renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => ({ contacts: [{ ...bjoern, contactId: 'c9' }] }),
      'deals/due': () => [],
      'contacts/get': () => ({ contact: { id: 'c9', version: 3 } as Contact, deals: [], activities: [] }),
      'contacts/confirm-address': () => ({ id: 'c9' }) as Contact,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm address' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'contacts/confirm-address')?.payload).toEqual({
        id: 'c9',
        expectedVersion: 3,
      }),
    );
  });
});

test('the sidebar marks a stored guess in German and confirms it', async () => {
  const contact = guessedContact({ version: 2 });
  const { calls } = renderWithApi(
    <Sidebar tabId={1} now={() => 0} />,
    {
      'focus/get': () => ({ contactId: 'c9', detail: { contact, deals: [], activities: [] } }),
      'contacts/confirm-address': () => ({ ...contact, emails: [guess.address] }),
    },
    'de',
  );
  const mark = await waitFor(() => {
    const el = document.querySelector('[data-guess]');
    if (!el) throw new Error('no guess yet');
    return el;
  });
  expect(mark.textContent).toContain('Vermutet');
  expect(mark.textContent).toContain(
    '4 von 5 bekannten Adressen bei acme-maschinenbau.de folgen dem Muster first.last',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Adresse bestätigen' }));
  await waitFor(() =>
    expect(calls.find((c) => c.type === 'contacts/confirm-address')?.payload).toEqual({
      id: 'c9',
      expectedVersion: 2,
    }),
  );
});
