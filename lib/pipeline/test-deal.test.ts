import { describe, expect, test } from 'vitest';
import { testDeal } from './test-deal';

describe('testDeal', () => {
  test('a confirmed-fit deal at "Initiate contact", overridable', () => {
    const now = Date.UTC(2026, 10, 1, 9);
    expect(testDeal({ now })).toMatchObject({
      id: 'd1',
      contactId: 'c1',
      title: 'acme-industrie.de',
      step: 'initiate',
      status: 'open',
      createdAt: now,
    });
    expect(testDeal({ now, fitConfirmed: false, title: 'Line 3' })).toMatchObject({
      step: 'identify',
      title: 'Line 3',
    });
  });
});
