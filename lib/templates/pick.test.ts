import { describe, expect, test } from 'vitest';
import { contactLocale } from './contact-locale';
import { defaultLibrary } from './defaults';
import { templateGroups } from './pick';

const groupsOf = (...args: Parameters<typeof templateGroups>) =>
  templateGroups(...args).map((g) => [g.locale, g.templates.length, g.templates[0]?.kind]);

describe('compose list in both languages', () => {
  test('a library in English and German: both groups, the rep’s language first, each by the deal’s step', () => {
    expect(groupsOf(defaultLibrary(), 'discover', 'de')).toEqual([
      ['de', 10, 'questionnaire'],
      ['en', 10, 'questionnaire'],
    ]);
    expect(groupsOf(defaultLibrary(), undefined, 'en', 'de')).toEqual([
      ['en', 10, 'introduction'],
      ['de', 10, 'introduction'],
    ]);
  });

  test('a library in one language: one group, whatever the contact reads', () => {
    const lib = defaultLibrary();
    lib.templates = lib.templates.filter((t) => t.locale === 'en');
    expect(groupsOf(lib, 'propose', 'en')).toEqual([['en', 10, 'proposal-cover']]);
    expect(groupsOf(lib, 'propose', 'de', 'de')).toEqual([['en', 10, 'proposal-cover']]);
    expect(groupsOf(lib, 'propose', 'de', 'en')).toEqual([['en', 10, 'proposal-cover']]);
    expect(templateGroups({ ...lib, templates: [] }, undefined, 'en')).toEqual([]);
  });

  test('a library with the rep’s own German templates only beside the English: the German group has just those', () => {
    const lib = defaultLibrary();
    lib.templates = [
      ...lib.templates.filter((t) => t.locale === 'en'),
      { ...lib.templates[0]!, id: 'mine', locale: 'de', name: 'Meine' },
    ];
    expect(groupsOf(lib, 'initiate', 'en')).toEqual([
      ['en', 10, 'introduction'],
      ['de', 1, 'introduction'],
    ]);
  });
});

describe('contact language', () => {
  test.each([
    [{ emails: ['anna@nordwerk-gmbh.de'] }, 'de'],
    [{ emails: ['x@firma.at'], phones: ['+43 1 234567'] }, 'de'],
    [{ emails: ['jane@acme.com'], phones: ['+49 170 1234567'] }, 'de'],
    [{ emails: ['jane@acme.co.uk'] }, 'en'],
    [{ emails: ['jane@acme.com'], phones: ['+1 (415) 555-0100'] }, 'en'],
    [{ companyDomain: 'acme.ie' }, 'en'],
    [{ emails: ['jane@acme.com'] }, undefined],
    [{ emails: ['luc@firme.ch'], phones: ['+41 44 123 45 67'] }, undefined],
    [{ emails: ['anna@firma.de'], phones: ['+44 20 7946 0000'] }, undefined],
    [{}, undefined],
  ] as const)('%j → %s', (contact, locale) => expect(contactLocale(contact)).toBe(locale));
});
