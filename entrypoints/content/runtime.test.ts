import { describe, expect, it } from 'vitest';
import { contentRuntime, nativeNamespace, requireRuntime, type ContentRuntime } from './runtime';

const runtime = (id: string | undefined) => ({ id }) as unknown as ContentRuntime;

describe('content runtime', () => {
  it("takes Firefox's own browser namespace when it has a runtime", () => {
    const firefox = { runtime: runtime('ff') };
    expect(nativeNamespace({ browser: firefox, chrome: { runtime: runtime('alias') } })).toBe(firefox);
    expect(contentRuntime({ browser: firefox })?.id).toBe('ff');
  });

  it("takes Chromium's chrome namespace when there is no browser, or one without a runtime", () => {
    expect(contentRuntime({ chrome: { runtime: runtime('cr') } })?.id).toBe('cr');
    expect(contentRuntime({ browser: {}, chrome: { runtime: runtime('cr') } })?.id).toBe('cr');
  });

  it('is undefined outside an extension, and a call that needs it fails clearly', () => {
    expect(contentRuntime({})).toBeUndefined();
    expect(contentRuntime({ chrome: {} })).toBeUndefined();
    expect(() => requireRuntime({})).toThrow(/no extension runtime/);
  });

  it('looks the namespace up on each call: a runtime that went away is seen at once', () => {
    const scope: { chrome?: { runtime?: ContentRuntime } } = { chrome: { runtime: runtime('cr') } };
    expect(contentRuntime(scope)?.id).toBe('cr');
    delete scope.chrome!.runtime;
    expect(contentRuntime(scope)).toBeUndefined();
  });
});
