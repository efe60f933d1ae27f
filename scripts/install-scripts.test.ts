import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ALLOWED_INSTALL_SCRIPTS, installScriptPackages } from './install-scripts';

test('every dependency with an install script is on the allowlist; a new one is caught', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const found = installScriptPackages(lock);
  expect(found.filter((n) => !ALLOWED_INSTALL_SCRIPTS.includes(n))).toEqual([]);
  const tampered = { packages: { ...lock.packages, 'node_modules/evil-pkg': { hasInstallScript: true } } };
  expect(installScriptPackages(tampered)).toContain('evil-pkg');
});
