import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

// Component tests render into a shared document: unmount after each one.
afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/preact');
  cleanup();
});
