import { compileLinearPattern } from '../../lib/fit/linear-regex';
import { fmt, median, table } from './measure';

/**
 * The shapes that stall a backtracking engine (issue #17), each over a text it cannot match, and
 * the length at which the native engine is timed once (short enough to end: it grows with the third or fourth power of the length, or exponentially).
 */
const SHAPES: [pattern: string, filler: string, nativeLength: number][] = [
  ['\\w*\\w*\\w*\\w*!', 'a', 50],
  ['.*.*.*=', 'x', 100],
  ['[a-z]+[a-z]+[a-z]+\\d', 'a', 100],
  ['(a+)+$', 'a', 20],
  ['(\\w+\\s?)*$', 'aaaa ', 25],
  ['(a|aa)+b', 'a', 25],
];

/** Native RegExp time on a short text (it grows polynomially or exponentially: 10,000 characters never end). */
function nativeMs(pattern: string, filler: string, length: number): number {
  const re = new RegExp(pattern, 'iu');
  const text = `${filler.repeat(Math.ceil(length / filler.length)).slice(0, length)}#`;
  const start = performance.now();
  re.test(text);
  return performance.now() - start;
}

export async function regexBench(): Promise<string> {
  const rows = [];
  for (const [pattern, filler, shortLength] of SHAPES) {
    const text = `${filler.repeat(Math.ceil(10_000 / filler.length)).slice(0, 10_000)}#`;
    const re2 = compileLinearPattern(pattern);
    // Baseline: one native scan of the same text for a literal that is not in it.
    const literal = /§/iu;
    const ms = await median(() => re2.test(text));
    const baselineMs = await median(() => literal.test(text));
    rows.push({
      case: `\`${pattern.replace(/\|/g, '\\|')}\` over 10,000 characters (RE2)`,
      ms,
      baselineMs,
      note: `native RegExp on ${shortLength} characters: ${fmt(nativeMs(pattern, filler, shortLength))} ms`,
    });
  }
  return table('Rep-written patterns (Node, re2js)', 'one native scan of the same text', rows);
}
