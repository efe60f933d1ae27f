import { testContact } from './test-contact';
import { describe, expect, test } from 'vitest';
import { duplicateReasons, profileIdentity } from './duplicates';
import { mergeConflicts } from './merge';
import type { Contact } from './contact';

const person = (over: Partial<Contact>): Contact => testContact({ id: 'x', ...over });

describe('likely duplicates', () => {
  test('same name and company (accents, case and spacing aside), shared phone, shared profile', () => {
    const a = person({
      id: 'a',
      name: 'Jürgen  Müller',
      company: 'Müller Bau GmbH',
      phones: ['+49301'],
      profiles: ['https://www.linkedin.com/in/jmueller/'],
    });
    const b = person({
      id: 'b',
      name: 'jurgen muller',
      company: 'MULLER BAU GMBH',
      phones: ['+49301'],
      profiles: ['https://linkedin.com/in/JMueller?trk=x'],
    });
    expect(duplicateReasons(a, b)).toEqual(['name-company', 'phone', 'profile']);
    expect(duplicateReasons(a, { ...b, id: 'a' })).toEqual([]);
    expect(duplicateReasons(a, person({ id: 'c', name: 'Jürgen Müller' }))).toEqual([]);
    expect(profileIdentity('not a url ')).toBe('not a url');
  });

  test('merge conflicts are the fields both fill differently', () => {
    const a = person({ id: 'a', name: 'Markus Weber', title: 'CEO', company: 'Acme' });
    const b = person({ id: 'b', name: 'markus weber', title: 'CFO' });
    expect(mergeConflicts(a, b)).toEqual(['title']);
  });
});
