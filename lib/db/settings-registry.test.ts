import { expect, test } from 'vitest';
import { openTestStore } from './test-store';
import { putSetting } from './settings';
import { readSetting, SETTINGS, writeSetting } from './settings-registry';

test('every setting has a default its own schema accepts', () => {
  for (const [key, entry] of Object.entries(SETTINGS)) {
    expect(entry.schema.safeParse(entry.default()).success, key).toBe(true);
  }
});

test('a corrupted stored value reads as the default; writes are validated', async () => {
  const store = await openTestStore();
  await putSetting(store, 'locale', { evil: true });
  expect(await readSetting(store, 'locale')).toBe('auto');
  await writeSetting(store, 'locale', 'de');
  expect(await readSetting(store, 'locale')).toBe('de');
  await expect(writeSetting(store, 'locale', 'fr' as never)).rejects.toThrow();
  expect((await readSetting(store, 'fit.profiles'))[0]?.id).toBe('default-b2b');
});
