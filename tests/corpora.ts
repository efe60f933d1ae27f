/**
 * The public corpora live beside the repository in `../shared/corpora/` (not ours to commit). A
 * clone without them skips the tests that read them, with one loud line per missing corpus;
 * `PS_REQUIRE_CORPORA=1` (set by `.ci/run`, where the folder is always present) turns a missing
 * corpus into a failure, so CI can never pass by skipping them.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPORA = resolve('../shared/corpora');

const announced = new Set<string>();

/** The absolute path of a corpus file or folder, and whether it is there. */
export function corpus(relative: string): { path: string; present: boolean } {
  const path = join(CORPORA, relative);
  const present = existsSync(path);
  if (!present) {
    if (process.env.PS_REQUIRE_CORPORA === '1')
      throw new Error(`Corpus missing: ${path} (PS_REQUIRE_CORPORA=1 requires every corpus)`);
    const top = relative.split('/')[0]!;
    if (!announced.has(top)) {
      announced.add(top);
      console.warn(`!!! SKIPPED: corpus ../shared/corpora/${top} is absent; its tests are skipped`);
    }
  }
  return { path, present };
}
