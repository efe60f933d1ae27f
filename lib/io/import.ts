import { upsertContacts, type Store } from '../db';
import type { Region } from '../contacts/phone';
import { guessMapping, mapRows, parseCsv, type CsvMapping } from './csv';

export type ImportMode = 'all-or-nothing' | 'valid-rows';

export interface ImportReport {
  created: number;
  merged: number;
  /** Broken rows, by line. With `all-or-nothing` any of them means nothing was written. */
  errors: { line: number; message: string }[];
  written: boolean;
}

/** Imports a CSV of contacts: broken rows are reported by line; the rest import, or nothing does. */
export async function importCsv(
  store: Store,
  text: string,
  options: { mapping?: CsvMapping; mode: ImportMode; region?: Region },
): Promise<ImportReport> {
  const parsed = parseCsv(text);
  const mapping = options.mapping ?? guessMapping(parsed.headers);
  const { inputs, errors } = mapRows(parsed, mapping, { region: options.region });
  if (errors.length && options.mode === 'all-or-nothing')
    return { created: 0, merged: 0, errors, written: false };
  if (!inputs.length) return { created: 0, merged: 0, errors, written: false };
  const results = await upsertContacts(
    store,
    inputs.map((i) => i.input),
  );
  const created = results.filter((r) => r.created).length;
  return { created, merged: results.length - created, errors, written: true };
}
