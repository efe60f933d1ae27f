import type { Contact, ContactInput } from '../contacts/contact';

export const JOB_KINDS = ['import-csv', 'import-vcard'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * running: chunks are being written (or will be, on the worker's next wake). paused: stopped by
 * an error, waiting for the rep (resume or discard). cancelling: committed chunks are being
 * rolled back, newest first. done / cancelled / failed: finished.
 */
export const JOB_STATES = ['running', 'paused', 'cancelling', 'done', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** valid-rows: chunks become visible as they commit. all-or-nothing: staged, then one final step. */
export type JobMode = 'all-or-nothing' | 'valid-rows';

export interface JobRowError {
  line: number;
  message: string;
}

export interface Job {
  id: string;
  kind: JobKind;
  mode: JobMode;
  state: JobState;
  /** Rows to write (valid rows only). */
  total: number;
  /** Number of staged input chunks. */
  chunks: number;
  /** The next chunk to write; while cancelling, the number of chunks still to roll back. */
  checkpoint: number;
  /** Rows written and not rolled back. */
  done: number;
  created: number;
  merged: number;
  /** The first broken rows of the source (bounded), and how many there were. */
  errors: JobRowError[];
  errorCount: number;
  skipped: number;
  /** Why the job is paused or failed. */
  error?: string;
  startedAt: number;
  updatedAt: number;
  /** When this worker run started and how many rows were done then (for the rate and estimate). */
  runStartedAt: number;
  runStartDone: number;
}

/** A staged slice of a job's input: what one chunk transaction writes. */
export interface JobChunk {
  jobId: string;
  index: number;
  inputs: ContactInput[];
}

/** What a committed chunk did: the contacts it created and the ones it changed, as they were before. */
export interface JobUndo {
  jobId: string;
  index: number;
  rows: number;
  created: string[];
  before: Contact[];
}
