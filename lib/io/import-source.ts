import type { ContactInput, ContactSource } from '../contacts/contact';

/** How long a file name may be kept as an import's provenance. */
export const MAX_FILE_NAME = 200;

export interface ImportOrigin {
  kind: 'csv' | 'vcard';
  /** The imported file's name as the browser gave it (no path), if known. */
  file?: string;
  at: number;
}

/** The file name without any path, control characters or excess length; empty if none is left. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  return base
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_FILE_NAME);
}

/** The provenance every field of an imported contact gets: "from an import (file, date)". */
export function importSource(origin: ImportOrigin): ContactSource {
  return {
    url: cleanFileName(origin.file),
    seenAt: origin.at,
    detector: `import-${origin.kind}`,
    field: 'contact',
  };
}

/** The rows of an import, each carrying the import as its source (after any source it had). */
export function withImportSource(inputs: readonly ContactInput[], origin: ImportOrigin): ContactInput[] {
  const source = importSource(origin);
  return inputs.map((input) => ({ ...input, sources: [...(input.sources ?? []), source] }));
}
