/**
 * `npm test`: every check in one run, closing with the plain line `N passed, N failed, N skipped`.
 * Static checks (types, lint, format, builds) count as one test each; vitest results are read
 * from its JSON report. E2E runs in real Chromium and in real Firefox (ESR); a missing browser
 * skips its half loudly, unless CI is set, where it fails the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_INSTALL_HINT, findChromium } from './chromium';
import { FIREFOX_INSTALL_HINT, findFirefox } from './firefox';

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

function vitest(label: string, config: string, env?: NodeJS.ProcessEnv, extra: string[] = []) {
  const report = `.test-results/${label}.json`;
  rmSync(report, { force: true });
  const ok = run(
    label,
    'npx',
    [
      'vitest',
      'run',
      '-c',
      config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...extra,
    ],
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

/** True when the browser is there; otherwise one loud skip line (a failure under CI). */
function browserFound(name: string, path: string | undefined, pathVar: string, hint: string): boolean {
  if (path) return true;
  const line = `E2E (${name}): no ${name} found (set ${pathVar} or run: ${hint})`;
  if (process.env.CI) {
    console.error(`\n✖ ${line}; CI requires it.`);
    tally.failed++;
    failures.push(`e2e (no ${name})`);
  } else {
    console.warn(`\n${'!'.repeat(72)}\n! SKIPPED ${line}\n${'!'.repeat(72)}`);
    tally.skipped++;
  }
  return false;
}

if (!onlyUnit) {
  // Release builds (their manifests are checked, Firefox's is linted as AMO would), then the
  // E2E variants the tests load.
  const release =
    check('build (chrome)', 'npx', ['wxt', 'build'], { PS_TEST_HOSTS: '' }) &&
    check('build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { PS_TEST_HOSTS: '' });
  if (release)
    check('web-ext lint (firefox)', 'npx', ['tsx', 'scripts/lint-firefox.ts', '.output/firefox-mv3']);
  const e2eChrome = check('build (e2e chrome)', 'npx', ['wxt', 'build'], { PS_TEST_HOSTS: '1' });
  const e2eFirefox = check('build (e2e firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], {
    PS_TEST_HOSTS: '1',
  });
  if (
    browserFound('Chromium', findChromium(), 'CHROMIUM_PATH', CHROMIUM_INSTALL_HINT) &&
    e2eChrome &&
    release
  )
    vitest('e2e', 'vitest.e2e.config.ts', {}, ['--exclude', '**/*.firefox.e2e.ts']);
  if (browserFound('Firefox', findFirefox(), 'FIREFOX_PATH', FIREFOX_INSTALL_HINT) && e2eFirefox)
    vitest('e2e-firefox', 'vitest.e2e.config.ts', {}, ['.firefox.e2e.ts']);
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed > 0 ? 1 : 0);
