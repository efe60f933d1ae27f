/**
 * What content-script builds get in place of WXT's ContentScriptContext (wxt.config.ts): our
 * scripts never read the `ctx` WXT passes to `main` (entrypoints/content/lifeline.ts does what it
 * would: notice a reloaded extension, stop observers, let the new version take over). WXT's
 * context, with its location watcher and page events, is 3 kB in every page. Any use of the
 * stand-in says so instead of misbehaving.
 */
export class ContentScriptContext {
  constructor(_name: string, _options?: unknown) {
    return new Proxy(this, {
      get(_target, key) {
        throw new Error(
          `Pipeline Scout content scripts have no WXT context (ctx.${String(key)}): use the lifeline.`,
        );
      },
    });
  }
}
