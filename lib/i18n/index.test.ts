import { expect, test } from 'vitest';
import { manifestLocaleFiles, MANIFEST_KEYS, MESSAGES, resolveLocale, translate } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every string exists in English and German, with the same placeholders', () => {
  expect(Object.keys(MESSAGES.de).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  for (const [key, text] of Object.entries(MESSAGES.en)) {
    const de = MESSAGES.de[key as keyof typeof MESSAGES.de];
    expect(text.trim(), key).toBeTruthy();
    expect(de.trim(), key).toBeTruthy();
    expect(placeholders(de), key).toEqual(placeholders(text));
  }
});

test('placeholders are filled; a missing value stays visible, never blank', () => {
  expect(translate('en', 'notifyMoved', { stage: 'Qualify' })).toBe('Moved to Qualify');
  expect(translate('de', 'remindersGroupTitle', { count: 4 })).toBe('4 nächste Schritte sind fällig');
  expect(translate('en', 'notifyMoved')).toBe('Moved to {stage}');
});

test('one resolveLocale for every surface', () => {
  expect(resolveLocale('de-AT')).toBe('de');
  expect(resolveLocale('DE')).toBe('de');
  expect(resolveLocale('en-US')).toBe('en');
  expect(resolveLocale('fr')).toBe('en');
  expect(resolveLocale(undefined)).toBe('en');
});

test('the manifest strings are generated from the table for every locale', () => {
  const files = manifestLocaleFiles();
  expect(files.map((f) => f.relativeDest).sort()).toEqual([
    '_locales/de/messages.json',
    '_locales/en/messages.json',
  ]);
  for (const file of files) {
    const json = JSON.parse(file.contents) as Record<string, { message: string }>;
    expect(Object.keys(json).sort()).toEqual([...MANIFEST_KEYS].sort());
    for (const key of MANIFEST_KEYS) expect(json[key]!.message).toBeTruthy();
  }
});

test('the Add selection refusal names the settings page and the never-suggest list as they are titled', () => {
  for (const messages of Object.values(MESSAGES))
    expect(messages.suppressedNotSaved).toContain(`${messages.options} → ${messages.neverSuggestTitle}`);
});
