import { afterEach, describe, expect, test, vi } from 'vitest';
import { atGate, testGates } from './test-gate';

afterEach(() => vi.unstubAllEnvs());

describe('E2E task gates', () => {
  test('the release build never holds a task, even when a gate is armed', () => {
    vi.stubEnv('PS_TEST_HOSTS', '');
    testGates.armGate('restore');
    expect(atGate('restore')).toBeUndefined();
    expect(testGates.isHeld('restore')).toBe(false);
  });

  test('the E2E build holds the next task at an armed gate, once, until it is opened', async () => {
    vi.stubEnv('PS_TEST_HOSTS', '1');
    expect(atGate('import')).toBeUndefined();
    testGates.armGate('import');
    let through = false;
    const held = atGate('import')!.then(() => (through = true));
    expect(atGate('import')).toBeUndefined();
    await Promise.resolve();
    expect(testGates.isHeld('import')).toBe(true);
    expect(through).toBe(false);
    expect(testGates.openGate('import')).toBe(true);
    await held;
    expect(testGates.isHeld('import')).toBe(false);
    expect(testGates.openGate('import')).toBe(false);
  });
});
