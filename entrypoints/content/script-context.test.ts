import { expect, it } from 'vitest';
import { ContentScriptContext } from './script-context';

it('the stand-in for WXT’s context builds, and any use of it fails with a clear error', () => {
  const ctx = new ContentScriptContext('content', {});
  expect(() => (ctx as unknown as { onInvalidated: unknown }).onInvalidated).toThrow(
    /no WXT context \(ctx\.onInvalidated\)/,
  );
  expect(() => (ctx as unknown as { signal: unknown }).signal).toThrow(/use the lifeline/);
});
