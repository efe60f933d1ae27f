/**
 * E2E-only holds (the PS_TEST_HOSTS build): a test arms a named gate, the next task that reaches
 * it waits there until the test opens it, so a cancel lands at a known point instead of racing a
 * task that may already be done. In the release build nothing arms a gate and `atGate` is a no-op.
 */
const armed = new Set<string>();
const waiting = new Map<string, () => void>();

export type GateName = 'restore' | 'import';

/** Where a task may be held: undefined (go on) unless the E2E test armed this gate. */
export function atGate(name: GateName): Promise<void> | undefined {
  if (import.meta.env.PS_TEST_HOSTS !== '1' || !armed.delete(name)) return undefined;
  return new Promise((resolve) => waiting.set(name, resolve));
}

/** What the E2E test reaches through the worker's `__pipelineScoutTest`. */
export const testGates = {
  armGate: (name: GateName) => void armed.add(name),
  isHeld: (name: GateName) => waiting.has(name),
  openGate: (name: GateName) => {
    const open = waiting.get(name);
    waiting.delete(name);
    open?.();
    return !!open;
  },
};
