import { createContext } from 'preact';
import { useCallback, useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { RemoteError, type Send } from '@/lib/messages/client';

import type { AppEvent } from '@/lib/messages/events';

export type { AppEvent };
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

export interface Api {
  send: Send;
  subscribe: Subscribe;
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext missing');
  return api;
}

export interface Query<T> {
  data?: T;
  error?: RemoteError | Error;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a request and re-runs it when the background reports a change, so every open view
 * stays current without reloading.
 */
export function useQuery<T>(
  run: (send: Send) => Promise<T>,
  deps: unknown[],
  live: AppEvent['kind'][] = ['changed'],
): Query<T> {
  const { send, subscribe } = useApi();
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const load = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    run(send).then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: Error) =>
        mine === generation.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, deps);
  // A layout effect sends the request as soon as the view is built, not after the next frame.
  useLayoutEffect(() => {
    load();
    return subscribe((event) => {
      if (live.includes(event.kind)) load();
    });
  }, [load]);
  return { ...state, reload: load };
}

/** Runs an action, keeping its error for display; resolves to undefined on failure. */
export function useAction() {
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <R>(action: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (e) {
      setError(e as Error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, error, busy, clear: () => setError(undefined) };
}
