import { expect, test } from 'vitest';
import { MESSAGES } from './i18n';

test('every visible string is translated into German', () => {
  for (const [key, text] of Object.entries(MESSAGES.en)) {
    expect(MESSAGES.de[key as keyof typeof MESSAGES.de], key).toBeTruthy();
    expect(text).toBeTruthy();
  }
  expect(Object.keys(MESSAGES.de).sort()).toEqual(Object.keys(MESSAGES.en).sort());
});
