import type { JobState, Store } from '../db';
import type { Region } from '../contacts/phone';
import { guessMapping, mapRows, parseCsv, type CsvMapping } from './csv';
import type { JobHooks } from './job-runner';
import { startImport } from './start-import';

export type ImportMode = 'all-or-nothing' | 'valid-rows';

export interface ImportReport {
  created: number;
  merged: number;
  /** Broken rows, by line. With `all-or-nothing` any of them means nothing was written. */
  errors: { line: number; message: string }[];
  written: boolean;
  /** Rows left out because the rep asked never to be suggested that person again. */
  suppressed: number;
  /** The import's job (absent when nothing was to be written) and where it ended. */
  jobId?: string;
  state?: JobState;
}

/**
 * Imports a CSV of contacts: broken rows are reported by line; the rest import, or nothing does.
 * The rows are staged as a job and written in chunks (see lib/db/jobs.ts): progress reaches
 * `hooks.report`, and a worker stop resumes from the last committed chunk.
 */
export async function importCsv(
  store: Store,
  text: string,
  options: {
    mapping?: CsvMapping;
    mode: ImportMode;
    region?: Region;
    hooks?: JobHooks;
    chunkRows?: number;
    /** The file's name: every imported field shows "from an import (file, date)". */
    fileName?: string;
  },
): Promise<ImportReport> {
  const parsed = parseCsv(text);
  const mapping = options.mapping ?? guessMapping(parsed.headers);
  const { inputs, errors } = mapRows(parsed, mapping, { region: options.region });
  if (errors.length && options.mode === 'all-or-nothing')
    return { created: 0, merged: 0, errors, written: false, suppressed: 0 };
  const { job, suppressed } = await startImport(
    store,
    inputs.map((i) => i.input),
    { kind: 'csv', file: options.fileName, at: store.now() },
    { kind: 'import-csv', mode: options.mode, errors, chunkRows: options.chunkRows },
    options.hooks,
  );
  if (!job) return { created: 0, merged: 0, errors, written: false, suppressed };
  return {
    created: job.created,
    merged: job.merged,
    errors,
    written: job.state === 'done',
    suppressed,
    jobId: job.id,
    state: job.state,
  };
}
