import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

// WXT's vitest plugin does not pick up wxt.config.ts's Vite plugins, so Preact is added here too.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'entrypoints/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'scripts/**/*.test.ts',
      'cli/**/*.test.ts',
      'components/**/*.test.ts',
    ],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
  },
});
