import { expect, test } from 'vitest';
import { openTestStore } from './test-store';
import { putSetting } from './settings';
import {
  readSetting,
  settingSchema,
  SETTINGS,
  updateSetting,
  writeSetting,
  type SettingKey,
} from './settings-registry';

test('every setting has a default its own schema accepts', async () => {
  for (const [key, entry] of Object.entries(SETTINGS)) {
    const schema = await settingSchema(key as SettingKey);
    expect(schema.safeParse(entry.default()).success, key).toBe(true);
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

test('two updates of one list at once keep both changes; an invalid result writes nothing', async () => {
  const store = await openTestStore();
  const [first] = await readSetting(store, 'fit.profiles');
  const add = (id: string) =>
    updateSetting(store, 'fit.profiles', (profiles) => [...profiles, { ...first!, id, name: id }]);
  // A teammate's profile arriving while the rep saves one: neither read-then-write loses the other.
  await Promise.all([add('from-sync'), add('saved-here')]);
  const ids = (await readSetting(store, 'fit.profiles')).map((p) => p.id);
  expect(ids).toEqual(expect.arrayContaining(['default-b2b', 'from-sync', 'saved-here']));
  expect(ids).toHaveLength(3);
  await expect(updateSetting(store, 'locale', () => 'fr' as never)).rejects.toThrow();
  expect(await readSetting(store, 'locale')).toBe('auto');
});

test('an update that returns the value it got writes nothing and tells nobody', async () => {
  const store = await openTestStore();
  await writeSetting(store, 'locale', 'de');
  const changes: string[] = [];
  store.onChange((e) => changes.push(...e.ids));
  await updateSetting(store, 'locale', (current) => current);
  expect(changes).toEqual([]);
  await updateSetting(store, 'locale', () => 'en');
  expect(changes).toEqual(['locale']);
});
