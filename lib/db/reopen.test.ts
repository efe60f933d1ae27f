import { describe, expect, test } from 'vitest';
import { openStore } from './open';
import { DB_VERSION } from './migrations';
import { countContacts } from './index';

describe('a lost connection', () => {
  test('a newer version opening elsewhere is not blocked: the store closes and says so', async () => {
    const name = `reopen-${Math.random()}`;
    const lost: string[] = [];
    const store = await openStore({ name, onLost: (reason) => lost.push(reason) });
    expect(await countContacts(store)).toBe(0);
    const upgraded = await new Promise<string>((resolve) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('opened');
      };
    });
    expect(upgraded).toBe('opened');
    expect(lost).toEqual(['blocking']);
  });
});
