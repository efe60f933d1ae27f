import { expect, test } from 'vitest';
import { translate } from '@/lib/i18n';
import { repStrings } from './rep-strings';

test("strings come in the rep's language, with their parameters filled in", async () => {
  const { locale, t } = await repStrings({ locale: async () => 'de' });
  expect(locale).toBe('de');
  expect(t('remindersGroupTitle', { count: 3 })).toBe(translate('de', 'remindersGroupTitle', { count: 3 }));
  expect(t('remindersGroupTitle', { count: 3 })).not.toBe(
    translate('en', 'remindersGroupTitle', { count: 3 }),
  );
  expect(t('remindersGroupTitle', { count: 3 })).toContain('3');
});
