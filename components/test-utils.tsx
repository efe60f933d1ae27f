import type { ComponentChildren } from 'preact';
import { render } from '@testing-library/preact';
import { RemoteError, type MessageType, type RequestOf, type ResponseOf, type Send } from '@/lib/messages';
import type { Locale } from '@/lib/pipeline';
import type { Api, AppEvent } from './api';
import { Root } from './Root';

type Fakes = { [T in MessageType]?: (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>> };

/** Renders a view against a fake background that answers with `fakes`; records every call. */
export function renderWithApi(ui: ComponentChildren, fakes: Fakes, locale: Locale = 'en') {
  const calls: { type: MessageType; payload: unknown }[] = [];
  const listeners = new Set<(e: AppEvent) => void>();
  const send = (async (type: MessageType, payload: unknown) => {
    calls.push({ type, payload });
    const fake = fakes[type] as ((p: unknown) => unknown) | undefined;
    if (!fake) throw new RemoteError('not-faked', `no fake for ${type}`);
    return fake(payload);
  }) as Send;
  const api: Api = { send, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const result = render(
    <Root api={api} locale={locale}>
      {ui}
    </Root>,
  );
  return { ...result, calls, emit: (e: AppEvent) => listeners.forEach((l) => l(e)) };
}
