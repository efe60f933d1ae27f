import { testContact } from '../test-contact';
import type { Contact } from '../contact';
import type { AddressProposal } from './propose';

/** What four first.last addresses of five at a German company propose for Björn Köhler. */
export const GUESS: AddressProposal = {
  address: 'bjoern.koehler@acme-maschinenbau.de',
  key: 'bjoern.koehler@acme-maschinenbau.de',
  pattern: 'first.last',
  domain: 'acme-maschinenbau.de',
  matching: 4,
  total: 5,
  confidence: 0.67,
  assumed: [],
};

/** A stored contact the page showed without an address, carrying GUESS. */
export function guessedContact(overrides: Partial<Contact> = {}): Contact {
  return testContact({
    id: 'c9',
    name: 'Björn Köhler',
    proposedEmail: GUESS,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  });
}

/** Given and family names of Germany, France, the Netherlands and Spain, with what makes them hard. */
export const GIVEN_NAMES = [
  'Jürgen',
  'Anna',
  'Björn',
  'Jean-Pierre',
  'Hélène',
  'Marie-Claire',
  'Pieter',
  'Sanne',
  'María',
  'Íñigo',
  'José',
  'Lucía',
  'Thomas',
  'Zoë',
  'François',
  'Søren',
  'Hans Peter',
  'Émilie',
  'Daan',
  'Ömer',
  'Karl-Heinz',
  'J.',
  'Ana',
  'Luuk',
];
export const FAMILY_NAMES = [
  'Müller',
  'Schäfer',
  'Groß',
  'Leutheusser-Schnarrenberger',
  'van den Berg',
  'de Vries',
  'von der Leyen',
  'García López',
  'Dubois',
  'Lefèvre',
  'Núñez',
  'Köhler',
  'Jansen',
  'de la Fuente',
  "O'Brien",
  'Weiß-Öztürk',
  'Martínez Soto',
  'ter Horst',
  'Château',
  'Fernández',
  'Böhm',
  'Smit',
];
