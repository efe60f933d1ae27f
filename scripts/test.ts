/**
 * `npm test`: every check in one run, closing with the plain line `N passed, N failed, N skipped`.
 * Static checks (types, lint, format, builds) count as one test each; vitest results are read
 * from its JSON report. E2E runs in real Chromium; without one it is skipped loudly, unless CI
 * is set, where a missing Chromium fails the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_INSTALL_HINT, findChromium } from './chromium';

const tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const onlyUnit = process.argv.includes('--unit');

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): boolean {
  const ok = run(label, cmd, args, env);
  if (ok) tally.passed++;
  else {
    tally.failed++;
    failures.push(label);
  }
  return ok;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
  success: boolean;
}

function vitest(label: string, config: string, env?: NodeJS.ProcessEnv) {
  const report = `.test-results/${label}.json`;
  rmSync(report, { force: true });
  const ok = run(
    label,
    'npx',
    ['vitest', 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  let parsed: VitestReport | undefined;
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  } catch {
    parsed = undefined;
  }
  if (!parsed) {
    tally.failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  tally.passed += parsed.numPassedTests;
  tally.failed += parsed.numFailedTests;
  tally.skipped += parsed.numPendingTests + parsed.numTodoTests;
  if (!ok && parsed.numFailedTests === 0) {
    tally.failed++;
    failures.push(`${label} (runner error)`);
  } else if (parsed.numFailedTests > 0) failures.push(label);
}

mkdirSync('.test-results', { recursive: true });
check('prepare', 'npx', ['wxt', 'prepare']);
check('types', 'npx', ['tsc', '--noEmit', '-p', '.']);
check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
check('format', 'npx', ['prettier', '--check', '.']);
vitest('unit', 'vitest.config.ts');

if (!onlyUnit) {
  const chromium = findChromium();
  if (!chromium) {
    const line = `E2E: no Chromium found (set CHROMIUM_PATH or run: ${CHROMIUM_INSTALL_HINT})`;
    if (process.env.CI) {
      console.error(`\n✖ ${line}; CI requires it.`);
      tally.failed++;
      failures.push('e2e (no Chromium)');
    } else {
      console.warn(`\n${'!'.repeat(72)}\n! SKIPPED ${line}\n${'!'.repeat(72)}`);
      tally.skipped++;
    }
  } else {
    // Release builds first (their manifests are checked), then the E2E variant the tests load.
    const release =
      check('build (chrome)', 'npx', ['wxt', 'build'], { PS_TEST_HOSTS: '' }) &&
      check('build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { PS_TEST_HOSTS: '' });
    if (check('build (e2e)', 'npx', ['wxt', 'build'], { PS_TEST_HOSTS: '1' }) && release)
      vitest('e2e', 'vitest.e2e.config.ts');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed > 0 ? 1 : 0);
