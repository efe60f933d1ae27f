import { unsuppressedInputs, type Job, type NewJob, type Store } from '../db';
import type { ContactInput } from '../contacts/contact';
import { runNewJob, type JobHooks } from './job-runner';
import { withImportSource, type ImportOrigin } from './import-source';

/**
 * Every import's way into the store (CSV, vCard): rows of people the rep asked never to be
 * suggested again are left out and counted, every field of the rest names the file it came from,
 * and they are written as a job in chunks. No job when nothing is left to write.
 */
export async function startImport(
  store: Store,
  rows: readonly ContactInput[],
  origin: ImportOrigin,
  spec: Omit<NewJob, 'inputs'>,
  hooks?: JobHooks,
): Promise<{ job?: Job; suppressed: number }> {
  const { kept, suppressed } = await unsuppressedInputs(store, rows);
  if (!kept.length) return { suppressed };
  const job = await runNewJob(store, { ...spec, inputs: withImportSource(kept, origin) }, hooks);
  return { job, suppressed };
}
