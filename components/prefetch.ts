import type { MessageType, RequestOf } from '@/lib/messages/protocol';
import type { ResponseOf } from '@/lib/messages/responses';
import type { Api } from './api';

export interface Prefetching extends Api {
  /**
   * Sends a read now, before the view that asks for it is built: the view's first `send` of the
   * same type and payload gets this request's answer instead of sending again (once).
   */
  prefetch<T extends MessageType>(type: T, payload: RequestOf<T>): void;
}

/** An Api whose first reads can go out while the page is still starting (the popup's). */
export function prefetching(api: Api): Prefetching {
  const early = new Map<string, Promise<unknown>>();
  const keyOf = (type: string, payload: unknown) => JSON.stringify([type, payload]);
  // Any change the background announces may postdate an early answer: the view asks afresh.
  api.subscribe(() => early.clear());
  return {
    ...api,
    prefetch(type, payload) {
      const answer = api.send(type, payload);
      // An answer nobody takes is not an unhandled rejection; the view's own send reports it.
      answer.catch(() => undefined);
      early.set(keyOf(type, payload), answer);
    },
    send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
      const key = keyOf(type, payload);
      const answer = early.get(key);
      if (!answer) return api.send(type, payload);
      early.delete(key);
      return answer as Promise<ResponseOf<T>>;
    },
  };
}
