/**
 * The runtime calls content scripts make, without webextension-polyfill (9.6 kB in every page).
 * Firefox has a promise-based `browser` of its own; Chromium's MV3 `chrome.runtime` returns
 * promises when no callback is given. Which one is chosen at run time, on each call, so a test
 * (or a context that changes under the script) gets what is there now.
 */
export type MessageListener = (
  message: unknown,
  sender: { id?: string; url?: string },
  sendResponse: (response?: unknown) => void,
) => boolean | undefined | Promise<unknown>;

export type ContentPort = {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

export type ContentRuntime = {
  readonly id: string | undefined;
  sendMessage(message: unknown): Promise<unknown>;
  connect(info?: { name?: string }): ContentPort;
  getURL(path: string): string;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
};

type Namespace = { runtime?: ContentRuntime };
type Scope = { browser?: Namespace; chrome?: Namespace };

/** The browser's own namespace: Firefox's `browser` when it has a runtime, else Chromium's `chrome`. */
export function nativeNamespace(scope: Scope = globalThis as Scope): Namespace | undefined {
  return scope.browser?.runtime ? scope.browser : scope.chrome;
}

/** The runtime, or undefined outside an extension (or once the browser took it away). */
export function contentRuntime(scope: Scope = globalThis as Scope): ContentRuntime | undefined {
  return nativeNamespace(scope)?.runtime;
}

/** The runtime for a call that needs it: a clear error where there is none. */
export function requireRuntime(scope: Scope = globalThis as Scope): ContentRuntime {
  const runtime = contentRuntime(scope);
  if (!runtime) throw new Error('Pipeline Scout: no extension runtime in this page.');
  return runtime;
}
