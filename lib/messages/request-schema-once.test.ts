import { expect, test, vi } from 'vitest';

// The schema of `deals/transition` loads its module (in the chunked worker: a chunk) on first use;
// here that load fails once.
const load = vi.hoisted(() => ({ fail: true }));
vi.mock('./wire', async (original) => {
  if (load.fail) {
    load.fail = false;
    throw new Error('NetworkError: chunks/worker-schemas.js');
  }
  return original();
});

const { validateMessage } = await import('./protocol');
const { REQUESTS } = await import('./requests');

const transition = {
  type: 'deals/transition',
  payload: { dealId: 'd1', expectedVersion: 1, action: 'advance' },
};

test('a schema whose module failed to load is made again by the next message, and messages that come together share one making', async () => {
  const making = vi.spyOn(REQUESTS, 'deals/transition');
  await expect(validateMessage(transition, 'page')).rejects.toThrow();
  expect(making).toHaveBeenCalledTimes(1);
  const together = await Promise.allSettled([1, 2, 3].map(() => validateMessage(transition, 'page')));
  expect(together.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  expect(making).toHaveBeenCalledTimes(2);
  await validateMessage(transition, 'page');
  expect(making).toHaveBeenCalledTimes(2);
});
