import { afterEach, describe, expect, test, vi } from 'vitest';
import { withDeadline } from './deadline';

describe('withDeadline', () => {
  afterEach(() => vi.useRealTimers());

  test('passes on what the work gives, in time', async () => {
    await expect(withDeadline('install', 50, Promise.resolve(7))).resolves.toBe(7);
  });

  test("passes on the work's own error", async () => {
    await expect(withDeadline('install', 50, Promise.reject(new Error('refused')))).rejects.toThrow(
      'refused',
    );
  });

  test('names the step that never answered', async () => {
    vi.useFakeTimers();
    const pending = withDeadline('installing the extension', 30_000, new Promise(() => {}));
    const caught = expect(pending).rejects.toThrow('installing the extension took more than 30000 ms');
    await vi.advanceTimersByTimeAsync(30_000);
    await caught;
  });

  test('leaves no timer behind once the work settles', async () => {
    vi.useFakeTimers();
    await withDeadline('open', 1_000, Promise.resolve('ok'));
    expect(vi.getTimerCount()).toBe(0);
  });
});
