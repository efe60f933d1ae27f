import { nativeNamespace } from './runtime';

/**
 * What content-script builds get in place of webextension-polyfill (wxt.config.ts): WXT's own
 * content-script helpers (and any `wxt/browser` import in a content script) reach the browser's
 * own namespace through it, looked up when read, as in runtime.ts.
 */
const browser = new Proxy({} as Record<string, unknown>, {
  get: (_target, key) => (nativeNamespace() as Record<string | symbol, unknown> | undefined)?.[key],
});
export default browser;
