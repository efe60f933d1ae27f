import { expect, test } from 'vitest';
import type { ComposeTemplatesView } from '@/lib/messages/responses';
import { listEntries } from './compose-list';

const t = (id: string, locale: 'en' | 'de') => ({ id, name: id, step: 'discover' as const, locale });

test('one language: the templates alone, no headings', () => {
  const view: ComposeTemplatesView = { templates: [t('a', 'en'), t('b', 'en')] };
  expect(listEntries(view, 'en')).toEqual([
    { id: 'a', name: 'a' },
    { id: 'b', name: 'b' },
  ]);
});

test('two languages: a heading before each group, in the rep’s language, the contact’s language named', () => {
  const view: ComposeTemplatesView = {
    contactLocale: 'de',
    templates: [t('en1', 'en'), t('en2', 'en'), t('de1', 'de')],
  };
  expect(listEntries(view, 'en')).toEqual([
    { heading: 'English' },
    { id: 'en1', name: 'en1' },
    { id: 'en2', name: 'en2' },
    { heading: 'German · the contact’s language' },
    { id: 'de1', name: 'de1' },
  ]);
  expect(listEntries({ templates: [t('de1', 'de'), t('en1', 'en')] }, 'de')).toEqual([
    { heading: 'Deutsch' },
    { id: 'de1', name: 'de1' },
    { heading: 'Englisch' },
    { id: 'en1', name: 'en1' },
  ]);
});
