import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Every module `entry` loads at run time (type-only imports are erased, so they do not count). */
function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(entry)];
  while (pending.length) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue;
      const spec = m[2]!;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const next = [`${base}.ts`, `${base}/index.ts`].find((p) => existsSync(p));
      if (!next) throw new Error(`unresolved ${spec} in ${file}`);
      pending.push(next);
    }
  }
  return { files, packages };
}

describe('lib/sync/docs.ts stays pure', () => {
  test('loads no database module and not idb', () => {
    const { files, packages } = runtimeGraph('lib/sync/docs.ts');
    const root = resolve('.');
    const names = [...files].map((f) => relative(root, f));
    expect(names).toContain('lib/io/records.ts');
    expect(packages.has('idb')).toBe(false);
    // lib/db/schema.ts holds record types and constants only; every other lib/db module is a repository.
    expect(names.filter((n) => n.startsWith('lib/db/') && n !== 'lib/db/schema.ts')).toEqual([]);
  });
});
