import type { SyncDoc } from './docs';

/**
 * The part of a PouchDB database the sync code uses (typed here rather than through the
 * community typings, which add globals to every file of the project).
 */
export interface MirrorChange {
  id: string;
  seq: string | number;
  doc?: SyncDoc;
  deleted?: boolean;
}

export interface Mirror {
  get(
    id: string,
    options?: { rev?: string; conflicts?: boolean; revs?: boolean },
  ): Promise<SyncDoc & Record<string, unknown>>;
  put(doc: Record<string, unknown> & { _id: string }): Promise<{ ok: boolean; rev: string }>;
  bulkDocs(
    docs: SyncDoc[],
    options?: { new_edits?: boolean },
  ): Promise<({ ok: boolean; id: string; rev: string } | { error: string; id?: string })[]>;
  allDocs(options: {
    keys?: string[];
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
    startkey?: string;
    skip?: number;
  }): Promise<{
    total_rows: number;
    rows: (
      | { id: string; value?: { rev: string; deleted?: boolean }; doc?: SyncDoc }
      | { key: string; error: string }
    )[];
  }>;
  changes(options: {
    since: string | number;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
  }): Promise<{ results: MirrorChange[]; last_seq: string | number }>;
  info(): Promise<{ doc_count: number; update_seq: string | number }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

/** A replication as PouchDB returns it: a promise and an event emitter that can be cancelled. */
export interface Replication extends PromiseLike<unknown> {
  on(event: string, listener: (info: unknown) => void): Replication;
  cancel(): void;
}

export interface ReplicateOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  back_off_function?: (delay: number) => number;
}

/** What the sync engine needs of PouchDB: open a local mirror, address a remote, replicate. */
export interface PouchKit {
  local(name: string): Mirror;
  remote(url: string, auth?: { username: string; password: string }, fetcher?: typeof fetch): Mirror;
  replicate(from: Mirror, to: Mirror, options?: ReplicateOptions): Replication;
}
