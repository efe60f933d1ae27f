import { describe, expect, it, vi } from 'vitest';
import type { Api } from './api';
import { prefetching } from './prefetch';

function fakeApi() {
  let answers = 0;
  const listeners = new Set<() => void>();
  const send = vi.fn((type: string, payload: unknown) =>
    type === 'fails'
      ? Promise.reject(new Error('no'))
      : Promise.resolve({ type, payload, answer: ++answers }),
  );
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const announce = () => listeners.forEach((l) => l());
  return { api: { send, subscribe } as unknown as Api, send, announce };
}

describe('prefetching', () => {
  it('hands a prefetched answer to the first send of the same type and payload, then sends anew', async () => {
    const { api, send } = fakeApi();
    const pages = prefetching(api);
    pages.prefetch('deals/due', { until: 5 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(await pages.send('deals/due', { until: 5 })).toMatchObject({ answer: 1 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(await pages.send('deals/due', { until: 5 })).toMatchObject({ answer: 2 });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('an early answer is dropped when the background announces a change before the view asks', async () => {
    const { api, send, announce } = fakeApi();
    const pages = prefetching(api);
    pages.prefetch('deals/due', { until: 5 });
    announce();
    expect(await pages.send('deals/due', { until: 5 })).toMatchObject({ answer: 2 });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a different payload is its own request', async () => {
    const { api, send } = fakeApi();
    const pages = prefetching(api);
    pages.prefetch('tab/state', { tabId: 1 });
    expect(await pages.send('tab/state', { tabId: 2 })).toMatchObject({ payload: { tabId: 2 } });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a failed prefetch fails the send that takes it, and nothing else', async () => {
    const { api } = fakeApi();
    const pages = prefetching(api);
    pages.prefetch('fails' as never, {} as never);
    await new Promise((r) => setTimeout(r, 0)); // no unhandled rejection meanwhile
    await expect(pages.send('fails' as never, {} as never)).rejects.toThrow('no');
  });
});
