import { z } from '../zod';
import { fitProfile } from '../fit/schema';
import { activityRecord, contactRecord, dealRecord, threadRecord } from '../io/records';
import { canonical } from '../io/canonical';
import type { Contact } from '../contacts/contact';
import type { Activity, ThreadRecord } from '../db/schema';
import type { Deal } from '../pipeline/deal';
import type { FitProfile } from '../fit/schema';

/**
 * The mapping between local records and CouchDB documents: one document per record, `_id` =
 * `<kind>:<record id>`, the record whole in `record` (with its own version), derived index
 * fields left out. Pure: no database, no network.
 */
export const SYNC_KINDS = ['contact', 'deal', 'activity', 'thread', 'profile'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

export interface SyncRecordOf {
  contact: Contact;
  deal: Deal;
  activity: Activity;
  /** Linked threads only: one with no saved contact in it stays on the machine that read it. */
  thread: ThreadRecord;
  profile: FitProfile;
}
export type SyncRecord = SyncRecordOf[SyncKind];

/** A record as it travels: what the repositories write and read for sync. */
export type Replica = { [K in SyncKind]: { kind: K; id: string; record: SyncRecordOf[K] } }[SyncKind];

export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  kind?: SyncKind;
  record?: unknown;
}

/** Incoming documents are checked as strictly as a backup is before anything is written. */
const RECORD_SCHEMAS = {
  contact: contactRecord.omit({ searchTerms: true }),
  deal: dealRecord.omit({ dueAt: true }),
  activity: activityRecord,
  thread: threadRecord.omit({ pendingAt: true }),
  profile: fitProfile,
} as const;

export function docId(kind: SyncKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and record id of a document id; undefined for documents that are not ours. */
export function parseDocId(id: string): { kind: SyncKind; id: string } | undefined {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon) as SyncKind;
  if (colon < 1 || !SYNC_KINDS.includes(kind) || colon === id.length - 1) return undefined;
  return { kind, id: id.slice(colon + 1) };
}

/** What is sent of a record: everything but the fields the local indexes derive from it. */
export function recordBody(kind: SyncKind, record: SyncRecord): Record<string, unknown> {
  const body = { ...(record as unknown as Record<string, unknown>) };
  if (kind === 'contact') delete body.searchTerms;
  if (kind === 'deal') delete body.dueAt;
  if (kind === 'thread') delete body.pendingAt;
  return body;
}

/** The outgoing document of a local record (without `_rev`: the caller puts the current one). */
export function toDoc(replica: Replica): SyncDoc & { kind: SyncKind; record: Record<string, unknown> } {
  return {
    _id: docId(replica.kind, replica.id),
    kind: replica.kind,
    record: recordBody(replica.kind, replica.record),
  };
}

export type Incoming =
  | { ok: true; deleted: false; replica: Replica }
  | { ok: true; deleted: true; kind: SyncKind; id: string }
  | { ok: false; docId: string; reason: string };

/** An incoming document, validated: a record to write, a deletion, or why it was refused. */
export function fromDoc(doc: SyncDoc): Incoming {
  const ref = parseDocId(doc._id);
  if (!ref) return { ok: false, docId: doc._id, reason: 'not a Pipeline Scout document' };
  if (doc._deleted) return { ok: true, deleted: true, kind: ref.kind, id: ref.id };
  const parsed = RECORD_SCHEMAS[ref.kind].safeParse(doc.record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      docId: doc._id,
      reason: issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'bad record',
    };
  }
  if ((parsed.data as { id: string }).id !== ref.id)
    return { ok: false, docId: doc._id, reason: 'record id does not match the document id' };
  return {
    ok: true,
    deleted: false,
    replica: { kind: ref.kind, id: ref.id, record: parsed.data } as Replica,
  };
}

/** Whether a local record and a document's record say the same (derived fields ignored). */
export function sameRecord(kind: SyncKind, record: SyncRecord, docRecord: unknown): boolean {
  return canonical(recordBody(kind, record)) === canonical(docRecord);
}

/** The version a record carries (profiles have none: their document revision is their version). */
export function versionOf(record: unknown): number {
  const v = (record as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' ? v : 0;
}

export const syncKind = z.enum(SYNC_KINDS);
