import { parseLibrary, type LibraryIssue, type TemplateLibrary } from './schema';

/** The key the templates and question sets travel under in a fit-profile JSON file. */
export const BUNDLE_KEY = 'templateLibrary';

/** A fit profile's export with the template library beside it (a profile file without it stays valid). */
export function bundleWithLibrary<P extends object>(
  profile: P,
  library: TemplateLibrary,
): P & { [BUNDLE_KEY]: TemplateLibrary } {
  return { ...profile, [BUNDLE_KEY]: library };
}

export type SplitBundle =
  { ok: true; profile: unknown; library?: TemplateLibrary } | { ok: false; issues: LibraryIssue[] };

/**
 * Reads a fit-profile JSON file: the profile (validated by the fit module) and, when present, the
 * template library (validated and bounded here). A bad library fails the whole import, by field.
 */
export function splitBundle(text: string): SplitBundle {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `Not JSON: ${(error as Error).message}` }] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, BUNDLE_KEY))
    return { ok: true, profile: data };
  const { [BUNDLE_KEY]: raw, ...profile } = data as Record<string, unknown>;
  const library = parseLibrary(raw);
  if (!library.ok)
    return {
      ok: false,
      issues: library.issues.map((i) => ({ ...i, path: [BUNDLE_KEY, i.path].filter(Boolean).join('.') })),
    };
  return { ok: true, profile, library: library.library };
}
