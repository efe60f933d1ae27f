import { nativeNamespace } from './runtime';

/**
 * What content-script builds and Chromium's service worker get in place of webextension-polyfill
 * (wxt.config.ts): WXT's own helpers and every `wxt/browser` import reach the browser's own
 * namespace through it, looked up when read, as in runtime.ts. (The worker's one answering
 * listener answers through sendResponse, which both namespaces support.)
 */
const browser = new Proxy({} as Record<string, unknown>, {
  get: (_target, key) => (nativeNamespace() as Record<string | symbol, unknown> | undefined)?.[key],
});
export default browser;
