import { describe, expect, test } from 'vitest';
import { createClient } from '@/lib/messages/client';
import { createLifeline, ExtensionGone, retryDelay } from './lifeline';

describe('lifeline', () => {
  test('a dead runtime stops everything once and sends nothing more', async () => {
    let id: string | undefined = 'ext';
    let calls = 0;
    const stopped: string[] = [];
    const lifeline = createLifeline(() => id);
    lifeline.onDeath(() => stopped.push('observer'));
    lifeline.onDeath(() => {
      throw new Error('broken stop');
    });
    lifeline.onDeath(() => stopped.push('overlay'));
    const transport = lifeline.guard(async () => {
      calls++;
      if (!id) throw new Error('Extension context invalidated.');
      return { ok: true, data: 1 };
    });
    expect(await transport({ type: 'page/activate', payload: {} })).toEqual({ ok: true, data: 1 });
    id = undefined;
    await expect(transport({ type: 'page/activate', payload: {} })).rejects.toBeInstanceOf(ExtensionGone);
    await expect(transport({ type: 'page/activate', payload: {} })).rejects.toBeInstanceOf(ExtensionGone);
    expect(calls).toBe(1);
    expect(stopped).toEqual(['observer', 'overlay']);
    expect(lifeline.isDead()).toBe(true);
    // A stop registered after death runs at once.
    lifeline.onDeath(() => stopped.push('late'));
    expect(stopped.at(-1)).toBe('late');
  });

  test('the error message alone marks death (the id can linger in Firefox)', async () => {
    const lifeline = createLifeline(() => 'ext');
    const send = createClient(
      lifeline.guard(async () => {
        throw new Error('Extension context invalidated.');
      }),
    );
    await expect(send('page/activate', {})).rejects.toThrow(/reloaded or removed/);
    expect(lifeline.isDead()).toBe(true);
  });

  test('other failures (a restarting worker) are passed on and do not stop anything', async () => {
    const lifeline = createLifeline(() => 'ext');
    const transport = lifeline.guard(async () => {
      throw new Error('The message port closed before a response was received.');
    });
    await expect(transport({ type: 'page/activate', payload: {} })).rejects.not.toBeInstanceOf(ExtensionGone);
    expect(lifeline.isDead()).toBe(false);
  });

  test('retries back off and end', () => {
    const delays = Array.from({ length: 8 }, (_, n) => retryDelay(n));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, undefined, undefined]);
    expect(retryDelay(3, 10_000)).toBe(30_000);
  });
});
