/**
 * `web-ext lint` on the Firefox release build (what addons.mozilla.org's validator says):
 * fails on any error, and on any warning that README's "Firefox" section does not explain.
 * Usage: tsx scripts/lint-firefox.ts [sourceDir]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** The bundled source around line:column (added here, not by web-ext). */
  snippet?: string;
}
export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Warnings that stay, each explained in README ("Firefox: web-ext lint"). Both come from
 * bundled libraries and never run with page or user data: Preact's dangerouslySetInnerHTML
 * branch (our code never passes it; eslint forbids it) and zod 4's probe `Function('')`, which
 * our CSP (script-src 'self') makes throw, so zod stays on its non-eval path.
 */
export interface Explained {
  code: string;
  /** What the flagged source must show, so a new finding of the same code still fails. */
  source: RegExp;
  why: string;
}
export const EXPLAINED_WARNINGS: readonly Explained[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: /innerHTML=\w+\.__html/,
    why: "Preact's branch for dangerouslySetInnerHTML, which our code never uses",
  },
  {
    code: 'DANGEROUS_EVAL',
    source: /try\{return Function\(``\),!0\}catch\{return!1\}/,
    why: "zod's probe Function(''), which the extension CSP blocks (zod stays on its non-eval path)",
  },
  {
    code: 'DANGEROUS_EVAL',
    source: /(\w+)\.push\(\w+\),Function\.apply\(null,\1\)\.apply\(null,\w+\)/,
    why: "PouchDB's evalFunction for filter functions written as strings in design documents; team sync never passes one, and the extension CSP blocks it",
  },
];

export const explanationOf = (w: LintMessage, explained = EXPLAINED_WARNINGS) =>
  explained.find((e) => e.code === w.code && e.source.test(w.snippet ?? ''));

/** What fails the check: every error, and every warning nobody explained. */
export function judgeLint(report: LintReport, explained = EXPLAINED_WARNINGS): LintMessage[] {
  return [...report.errors, ...report.warnings.filter((w) => !explanationOf(w, explained))];
}

/** The source around a finding (bundles are one long line: 120 characters either side). */
export function snippetAt(text: string, line = 1, column = 0): string {
  const row = text.split('\n')[line - 1] ?? '';
  return row.slice(Math.max(0, column - 120), column + 120);
}

function main(sourceDir: string): number {
  const result = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', sourceDir, '--no-config-discovery', '--output', 'json'],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  let report: LintReport;
  try {
    report = JSON.parse(result.stdout) as LintReport;
  } catch {
    console.error(`web-ext lint gave no report (exit ${result.status}):\n${result.stderr}`);
    return 1;
  }
  for (const w of report.warnings) {
    if (w.file) {
      try {
        w.snippet = snippetAt(readFileSync(join(sourceDir, w.file), 'utf8'), w.line, w.column);
      } catch {
        // manifest findings have no source line
      }
    }
    const why = explanationOf(w)?.why;
    console.log(`${why ? 'explained' : 'WARNING'} ${w.code} ${w.file ?? ''}: ${why ?? w.message}`);
  }
  const failing = judgeLint(report);
  for (const f of failing) console.error(`✖ ${f.code} ${f.file ?? ''}: ${f.message}`);
  console.log(
    `web-ext lint ${sourceDir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
  );
  return failing.length ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exit(main(process.argv[2] ?? '.output/firefox-mv3'));
