import { expect, test, vi } from 'vitest';
import { domainInfo, possiblePhone, uncheckedAnswers } from '@/lib/contacts/checks-remote';
import type { Send } from '@/lib/messages';
import { createAsker } from './checks';

test('asks page/checks for what was missing, again after a failed send, and remembers the answers', async () => {
  vi.useFakeTimers();
  try {
    const before = uncheckedAnswers();
    expect(possiblePhone('089 2180-4471', 'DE')).toBeUndefined();
    expect(domainInfo('acme.io').isIcann).toBe(false);
    expect(uncheckedAnswers()).toBe(before + 2);
    const sent: unknown[] = [];
    let fail = true;
    const send = (async (type: string, payload: unknown) => {
      sent.push([type, payload]);
      if (fail) {
        fail = false;
        throw new Error('Receiving end does not exist');
      }
      return {
        domains: [{ isIp: false, isIcann: true, domain: 'acme.io', publicSuffix: 'io', freeMail: false }],
        phones: ['+498921804471'],
      };
    }) as unknown as Send;
    const asked = createAsker(send)();
    await vi.runAllTimersAsync();
    await asked;
    const questions = { domains: ['acme.io'], phones: [{ text: '089 2180-4471', region: 'DE' }] };
    expect(sent).toEqual([
      ['page/checks', questions],
      ['page/checks', questions],
    ]);
    expect(possiblePhone('089 2180-4471', 'DE')).toBe('+498921804471');
    expect(domainInfo('acme.io').domain).toBe('acme.io');
    expect(uncheckedAnswers()).toBe(before + 2);
  } finally {
    vi.useRealTimers();
  }
});

test('a background that never answers is given up after the last try', async () => {
  vi.useFakeTimers();
  try {
    possiblePhone('030 1234567', 'DE');
    let calls = 0;
    const send = (async () => {
      calls++;
      throw new Error('gone');
    }) as unknown as Send;
    const asked = createAsker(send, () => false, 3)();
    await vi.runAllTimersAsync();
    await asked;
    expect(calls).toBe(3);
    expect(possiblePhone('030 1234567', 'DE')).toBeUndefined();
  } finally {
    vi.useRealTimers();
  }
});
