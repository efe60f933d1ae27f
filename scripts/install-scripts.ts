/**
 * `npm run check:install-scripts`: every dependency that runs a script at install time must be
 * on the allowlist below (name only; the lockfile pins the version). CI fails on a new one, so a
 * dependency update cannot start running code on install unnoticed. Chosen over
 * `@lavamoat/allow-scripts` (one more dependency for the same check) and npm 11's own
 * install-script approval (it warns, but does not fail a CI run).
 */
import { readFileSync } from 'node:fs';

export const ALLOWED_INSTALL_SCRIPTS = [
  // Downloads its platform binary (used by WXT, Vite and tsx).
  'esbuild',
  // A transitive dependency of a dev tool, in the lockfile when this list was made.
  'spawn-sync',
  // Native storage backends of pouchdb-server (a devDependency: the sync tests' server). The tests
  // run it --in-memory, so neither binary is needed; npm 11 does not run their build scripts.
  'leveldown',
  'sqlite3',
];

export function installScriptPackages(lock: { packages: Record<string, { hasInstallScript?: boolean }> }) {
  return Object.entries(lock.packages)
    .filter(([path, info]) => path.includes('node_modules/') && info.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

if (process.argv[1]?.endsWith('install-scripts.ts')) {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const found = [...new Set(installScriptPackages(lock))];
  const unknown = found.filter((name) => !ALLOWED_INSTALL_SCRIPTS.includes(name));
  if (unknown.length) {
    console.error(
      `Dependencies with install scripts not on the allowlist (scripts/install-scripts.ts): ${unknown.join(', ')}`,
    );
    process.exit(1);
  }
  console.log(`Install scripts: ${found.join(', ') || 'none'} (all allowed).`);
}
