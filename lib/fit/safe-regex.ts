/**
 * Rejects patterns with nested repetition (`(a+)+`, `(\w*)*`, `(a|aa)+…`), the shape behind
 * catastrophic backtracking. Conservative: some safe patterns are refused too; the editor says why.
 */
export function isUnsafePattern(source: string): boolean {
  if (/\\[1-9]/.test(source)) return true; // backreferences
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let lastGroup: { quantified: boolean; alternation: boolean } | undefined;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      lastGroup = undefined;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      lastGroup = undefined;
      continue;
    }
    if (ch === '(') {
      stack.push({ quantified: false, alternation: false });
      lastGroup = undefined;
      continue;
    }
    if (ch === '|') {
      const top = stack.at(-1);
      if (top) top.alternation = true;
      continue;
    }
    if (ch === ')') {
      lastGroup = stack.pop();
      const parent = stack.at(-1);
      if (lastGroup?.quantified && parent) parent.quantified = true;
      continue;
    }
    const isQuantifier = ch === '*' || ch === '+' || (ch === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
    if (isQuantifier) {
      const unbounded =
        ch !== '{' || /^\{\d+,\}/.test(source.slice(i)) || /^\{\d+,\d{2,}\}/.test(source.slice(i));
      if (lastGroup && unbounded && (lastGroup.quantified || lastGroup.alternation)) return true;
      const top = stack.at(-1);
      if (top && unbounded) top.quantified = true;
      if (lastGroup && top && lastGroup.quantified) top.quantified = true;
      lastGroup = undefined;
      continue;
    }
    if (ch !== '?') lastGroup = undefined;
  }
  return false;
}
