import { describe, expect, test } from 'vitest';
import { applyEdit, EditError } from './edit';
import type { Contact } from './contact';
import { testContact } from './test-contact';

const T0 = Date.UTC(2026, 10, 1);
const base: Contact = testContact({
  id: 'c1',
  name: 'Markus Weber',
  emails: ['markus@acme.de'],
  emailKeys: ['markus@acme.de'],
  company: 'acme-industrie.de',
  suggestions: [
    { field: 'company', value: 'Acme GmbH', url: 'https://acme.de', seenAt: T0, detector: 'card' },
  ],
  createdAt: T0,
  updatedAt: T0,
});

describe('a rep edits a contact', () => {
  test('fields are normalised, marked as edited, and answer their suggestions', () => {
    const { next, changed } = applyEdit(
      base,
      {
        company: '  Acme   GmbH ',
        emails: ['m.weber@Acme.DE', 'markus@acme.de', ''],
        phones: ['030 1234568'],
        profiles: ['https://www.linkedin.com/in/markus-weber'],
        tags: ['fair 2026', 'fair 2026'],
        companyDomain: 'https://Acme-Industrie.de/',
      },
      T0 + 5,
    );
    expect(next.company).toBe('Acme GmbH');
    expect(next.emails).toEqual(['m.weber@acme.de', 'markus@acme.de']);
    expect(next.emailKeys[0]).toBe('m.weber@acme.de');
    expect(next.phones).toEqual(['+49301234568']);
    expect(next.tags).toEqual(['fair 2026']);
    expect(next.companyDomain).toBe('acme-industrie.de');
    expect(changed).toEqual(expect.arrayContaining(['company', 'emails', 'phones', 'profiles', 'tags']));
    expect(next.edited?.company).toBe(T0 + 5);
    expect(next.suggestions).toEqual([]);
    expect(next.searchTerms).toContain('gmbh');
  });

  test('an unchanged value is not marked as edited', () => {
    const { changed, next } = applyEdit(base, { name: 'Markus  Weber' }, T0);
    expect(changed).toEqual([]);
    expect(next.edited).toBeUndefined();
  });

  test.each([
    [{ emails: ['not an address'] }, 'emails'],
    [{ phones: ['12'] }, 'phones'],
    [{ profiles: ['javascript:alert(1)'] }, 'profiles'],
    [{ companyDomain: 'acme industrie' }, 'companyDomain'],
    [{ name: '', emails: [] }, 'name'],
    [{ name: 'x'.repeat(501) }, 'name'],
    [{ tags: Array.from({ length: 201 }, (_, i) => `t${i}`) }, 'tags'],
  ])('bad input is refused with the field named: %j', (edit, field) => {
    try {
      applyEdit(base, edit, T0);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EditError);
      expect((error as EditError).field).toBe(field);
    }
  });
});
