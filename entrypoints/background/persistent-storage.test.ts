import { describe, expect, test, vi } from 'vitest';
import { ensurePersistentStorage } from './persistent-storage';

describe('ensurePersistentStorage', () => {
  test('asks once when the storage is not yet persistent, and says it was granted', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persisted: async () => false, persist };
    await expect(ensurePersistentStorage(storage)).resolves.toBe('granted');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  test('never asks when it already is', async () => {
    const persist = vi.fn(async () => true);
    await expect(ensurePersistentStorage({ persisted: async () => true, persist })).resolves.toBe(
      'persisted',
    );
    expect(persist).not.toHaveBeenCalled();
  });

  test('reports a refusal', async () => {
    const storage = { persisted: async () => false, persist: async () => false };
    await expect(ensurePersistentStorage(storage)).resolves.toBe('refused');
  });

  test('a context without persist() (a service worker) is left alone', async () => {
    await expect(ensurePersistentStorage({ persisted: async () => false })).resolves.toBe('unsupported');
  });
});
