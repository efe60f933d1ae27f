/** Every module reachable from `roots` through static imports (`imports`: id → the ids it imports), roots included. */
export function staticClosure(
  imports: ReadonlyMap<string, readonly string[]>,
  roots: readonly string[],
): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(imports.get(id) ?? []));
  }
  return seen;
}
