import { describe, expect, test } from 'vitest';
import { openTestStore } from './test-store';
import { upsertContacts } from './contacts';
import { putSetting } from './settings';
import { readSnapshot, readStores, replaceEverything } from './snapshot';

async function withContacts(n: number) {
  const store = await openTestStore();
  await upsertContacts(
    store,
    Array.from({ length: n }, (_, i) => ({ name: `Kim Lee${i}`, emails: [`k${i}@firma.de`] })),
  );
  await putSetting(store, 'locale', 'de');
  return store;
}

describe('reading the stores in pages', () => {
  test('every record once, in key order, with progress after each page', async () => {
    const store = await withContacts(25);
    const whole = await readSnapshot(store, { pageSize: 1_000 });
    const seen: [number, number][] = [];
    const paged = await readStores(store, ['contacts', 'settings'], {
      pageSize: 10,
      progress: (read, total) => seen.push([read, total]),
    });
    expect(paged.contacts).toEqual(whole.contacts);
    expect(paged.settings).toEqual(whole.settings);
    expect(new Set(paged.contacts.map((c) => c.id)).size).toBe(25);
    // 0 first, then pages of 10, 10, 5 (a short page ends a store), then the one setting.
    expect(seen).toEqual([
      [0, 26],
      [10, 26],
      [20, 26],
      [25, 26],
      [26, 26],
    ]);
  });

  test('an abort stops the read between two pages with its reason', async () => {
    const store = await withContacts(25);
    const stop = new AbortController();
    const read = readStores(store, ['contacts'], {
      pageSize: 10,
      signal: stop.signal,
      progress: (n) => n >= 10 && stop.abort(new Error('cancelled by the rep')),
    });
    await expect(read).rejects.toThrow('cancelled by the rep');
  });
});

describe('replacing everything', () => {
  test('an abort after every record is written, before the commit, rolls it all back: every store as before', async () => {
    const store = await withContacts(30);
    const before = await readSnapshot(store);
    const stop = new AbortController();
    const replacement = { ...before, contacts: before.contacts.map((c) => ({ ...c, name: 'Replaced' })) };
    const written: number[] = [];
    const replace = replaceEverything(store, replacement, {
      signal: stop.signal,
      progress: (n) => {
        written.push(n);
        if (n > 0) stop.abort(new Error('cancelled by the rep'));
      },
    });
    await expect(replace).rejects.toThrow('cancelled by the rep');
    expect(written).toEqual([0, 31]);
    expect(await readSnapshot(store)).toEqual(before);
  });

  test('progress counts every record written', async () => {
    const store = await withContacts(30);
    const data = await readSnapshot(store);
    const written: [number, number][] = [];
    await replaceEverything(store, data, { progress: (n, total) => written.push([n, total]) });
    expect(written.at(-1)).toEqual([31, 31]);
    expect(await readSnapshot(store)).toEqual(data);
  });
});
