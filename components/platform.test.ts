import { describe, expect, test, vi } from 'vitest';
import type { AppEvent } from '@/lib/messages/events';

/** A fake runtime port: the test delivers what the background would post. */
const api = vi.hoisted(() => {
  const listeners: ((message: unknown) => void)[] = [];
  const port = {
    onMessage: { addListener: (l: (message: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener: () => undefined },
  };
  return {
    deliver: (message: unknown) => listeners.forEach((l) => l(message)),
    browser: { runtime: { connect: vi.fn(() => port), sendMessage: vi.fn() } },
  };
});
vi.mock('wxt/browser', () => api);

const { extensionApi } = await import('./platform');

describe("an extension page's change events", () => {
  test('are validated and handed on in the order they came, the invalid ones left out', async () => {
    const page = extensionApi();
    const seen: AppEvent[] = [];
    page.subscribe((event) => seen.push(event));
    // Sent in one turn, before the events' schemas have loaded.
    api.deliver({ kind: 'tab', tabId: 4 });
    api.deliver({ kind: 'tab', tabId: -1 });
    api.deliver({ kind: 'changed' });
    api.deliver({ kind: 'focus', tabId: 2, extra: true });
    api.deliver({ kind: 'focus' });
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual([{ kind: 'tab', tabId: 4 }, { kind: 'changed' }, { kind: 'focus' }]);
    api.deliver({ kind: 'tab', tabId: 5 });
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    expect(seen[3]).toEqual({ kind: 'tab', tabId: 5 });
  });

  test('a listener that throws loses that event only: the next ones still come', async () => {
    const page = extensionApi();
    const seen: AppEvent[] = [];
    let fail = true;
    page.subscribe((event) => {
      if (fail) {
        fail = false;
        throw new Error('render failed');
      }
      seen.push(event);
    });
    api.deliver({ kind: 'tab', tabId: 8 });
    api.deliver({ kind: 'tab', tabId: 9 });
    await vi.waitFor(() => expect(seen).toEqual([{ kind: 'tab', tabId: 9 }]));
  });
});
