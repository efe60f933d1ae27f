import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    // A set-up hook may launch a browser twice (scripts/firefox.ts retries a launch that hangs).
    hookTimeout: 240_000,
    fileParallelism: false,
    // A real browser on a 2-core machine: give every expect.poll room before calling it a failure.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
