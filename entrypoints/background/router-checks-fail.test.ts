import { expect, test, vi } from 'vitest';
import { createRouter, type HandlerMap } from './router';

// The request schemas' module cannot load (in the chunked worker: a chunk that did not import).
vi.mock('@/lib/messages/requests', () => {
  throw new Error('NetworkError: chunks/worker-later.js');
});

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

test('when the checks cannot run, the sender hears that the background failed, not that its message was malformed', async () => {
  const handler = vi.fn();
  const router = createRouter({ 'settings/get': handler } as unknown as HandlerMap, {
    extensionId: ID,
    extensionOrigin: ORIGIN,
  });
  const reply = await router.handle(
    { type: 'settings/get', payload: {} },
    { id: ID, url: `${ORIGIN}popup.html` },
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'failed' } });
  expect(!reply.ok && reply.error.message).toMatch(/^The background could not check the message: ./);
  expect(handler).not.toHaveBeenCalled();
});
