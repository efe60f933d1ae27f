// Helpers of scripts/bench/worker-start.ts, pure (tested beside).
import { parse, type Node } from 'acorn';

/** Mark names the instrumented bundle sets before each module's top-level code. */
export const MODULE_MARK = 'm:';

/** A lazy initialiser's run: its module, start and end (ms after the time origin), nesting depth. */
export type LazyRun = [path: string, start: number, end: number, depth: number];

/**
 * Defines `__psTimed(path, fn)`: `fn` timed into `__psLazyLog` (a LazyRun each call). Put before
 * the bundle, in the worker's global scope, where the benchmark reads the log.
 */
const PRELUDE = `var __psLazyLog = [], __psDepth = 0;
function __psTimed(path, fn) {
  return function (...args) {
    const start = performance.now();
    __psDepth++;
    try { return fn.apply(this, args); }
    finally { __psDepth--; __psLazyLog.push([path, start, performance.now(), __psDepth]); }
  };
}
`;

/**
 * An unminified background bundle (PS_PROFILE=1 build), instrumented: rolldown heads every module
 * with a `// <source path>` comment at the bundle function's first indentation level; a
 * `performance.mark('m:<source>')` goes before it, and each lazy initialiser (the argument of a
 * `__esmMin(…)` or `__commonJSMin(…)` call) is timed under the module it belongs to.
 */
export function instrumentBundle(code: string): { code: string; modules: number; lazy: number } {
  const heads = [...code.matchAll(/^\t?\/\/ (\S+\.[cm]?[jt]sx?)$/gm)].map((m) => ({
    at: m.index,
    path: m[1]!,
  }));
  const pathAt = (at: number) => heads.findLast((h) => h.at < at)?.path ?? '(runtime)';
  const edits: { at: number; text: string }[] = heads.map((h) => ({
    at: h.at,
    text: `\tperformance.mark(${JSON.stringify(MODULE_MARK + h.path)});\n`,
  }));
  let lazy = 0;
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }), (node) => {
    const call = node as unknown as { type: string; callee: Node & { name?: string }; arguments: Node[] };
    if (call.type !== 'CallExpression' || !/^__(esmMin|commonJSMin)$/.test(call.callee.name ?? '')) return;
    const fn = call.arguments[0];
    if (!fn) return;
    lazy++;
    edits.push(
      { at: fn.start, text: `__psTimed(${JSON.stringify(pathAt(fn.start))}, ` },
      { at: fn.end, text: ')' },
    );
  });
  // Applied from the end, so that earlier offsets stay right; at one offset, in the order listed.
  let out = code;
  for (const edit of edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i))
    out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return { code: PRELUDE + out, modules: heads.length, lazy };
}

/** Every node of the tree, depth first. */
function visit(node: Node, see: (node: Node) => void) {
  see(node);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value])
      if (child && typeof child === 'object' && typeof (child as Node).type === 'string')
        visit(child as Node, see);
  }
}

/** The prefix of the initialisers run after main() in splitWake's answer. */
export const AFTER_MAIN = '(after main) ';

export interface Mark {
  name: string;
  startTime: number;
}

/**
 * One wake's time before main(), split per module, self time: the script's load and compile (time
 * origin to the first module's mark), each module's top-level evaluation (its mark to the next,
 * less the lazy initialisers it ran), and each lazy initialiser's run before main() (less the
 * initialisers it ran in turn).
 */
export function splitWake(
  marks: Mark[],
  lazy: LazyRun[] = [],
  main = 'background:main',
): Map<string, number> {
  const spans = new Map<string, number>();
  const add = (key: string, ms: number) => spans.set(key, (spans.get(key) ?? 0) + Math.max(0, ms));
  const modules = marks
    .filter((m) => m.name.startsWith(MODULE_MARK))
    .sort((a, b) => a.startTime - b.startTime);
  const end = marks.find((m) => m.name === main)?.startTime;
  if (end === undefined) return spans;
  /** Time of the runs at `depth` within [from, to). */
  const inner = (depth: number, from: number, to: number) =>
    lazy
      .filter(([, s, e, d]) => d === depth && s >= from && e <= to)
      .reduce((sum, [, s, e]) => sum + (e - s), 0);
  add('(load and compile)', modules[0]?.startTime ?? end);
  modules.forEach((m, i) => {
    const next = Math.min(modules[i + 1]?.startTime ?? end, end);
    add(m.name.slice(MODULE_MARK.length), next - m.startTime - inner(0, m.startTime, next));
  });
  // After main(): what the wake's work and its first messages load (the popup waits for some of it).
  for (const [path, s, e, d] of lazy) add(`${s < end ? '' : AFTER_MAIN}${path}`, e - s - inner(d + 1, s, e));
  return spans;
}

export const median = (xs: number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Per key, the median over wakes (a key missing from a wake counts 0 there), largest first. */
export function medians(wakes: Map<string, number>[], group: (key: string) => string = (k) => k) {
  const perWake = wakes.map((w) => {
    const g = new Map<string, number>();
    for (const [k, v] of w) g.set(group(k), (g.get(group(k)) ?? 0) + v);
    return g;
  });
  const keys = new Set(perWake.flatMap((w) => [...w.keys()]));
  return [...keys]
    .map((k) => ({ key: k, ms: median(perWake.map((w) => w.get(k) ?? 0)) }))
    .sort((a, b) => b.ms - a.ms);
}
