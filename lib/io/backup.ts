import { z } from '../zod';
import { StoreError } from '../db/errors';
import { DB_VERSION } from '../db/migrations';
import type { Store } from '../db/open';
import {
  readSnapshot,
  replaceEverything,
  snapshotKeys,
  type ReadOptions,
  type ReplaceOptions,
  type Snapshot,
} from '../db/snapshot';
import { STORE_NAMES, type BackupStoreName, type ThreadRecord } from '../db/schema';
import { activityRecord, contactRecord, dealRecord, settingRecord, threadRecord } from './records';
import { migrateBackupData } from './backup-migrate';
import { canonical } from './canonical';

export const BACKUP_FORMAT = 'pipeline-scout-backup';
/**
 * The file format's own version (the records' schema is `schemaVersion`). 2 added linked threads;
 * a file without `formatVersion` is format 1 (no threads) and still restores.
 */
export const BACKUP_FORMAT_VERSION = 2;

/** Settings a backup never carries: the sync server's credentials and state stay on this machine. */
const PRIVATE_SETTING = /^sync\./;

const backupData = z.strictObject({
  contacts: z.array(contactRecord),
  deals: z.array(dealRecord),
  activities: z.array(activityRecord),
  settings: z.array(settingRecord),
  threads: z.array(threadRecord).optional(),
});
export type BackupData = z.infer<typeof backupData>;

const backupFile = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1).optional(),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  counts: z.strictObject({
    contacts: z.number().int(),
    deals: z.number().int(),
    activities: z.number().int(),
    settings: z.number().int(),
    threads: z.number().int().optional(),
  }),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  data: backupData,
});
export type BackupFile = z.infer<typeof backupFile>;

/** Stable JSON: object keys sorted, so the checksum does not depend on key order. */
export async function checksumOf(data: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(data)));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Everything, read in one transaction (in pages) so the backup is a consistent snapshot.
 * `options` reports the records read and stops the read when aborted.
 */
export async function createBackup(store: Store, options: ReadOptions = {}): Promise<BackupFile> {
  const snapshot = (await readSnapshot(store, options)) as BackupData & Snapshot;
  // The team server's settings (credentials) never go into a backup.
  const data = { ...snapshot, settings: snapshot.settings.filter((s) => !PRIVATE_SETTING.test(s.key)) };
  const counts = Object.fromEntries(STORE_NAMES.map((name) => [name, data[name].length]));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: DB_VERSION,
    exportedAt: new Date(store.now()).toISOString(),
    counts: counts as Record<BackupStoreName, number>,
    checksum: await checksumOf(data),
    data,
  };
}

export interface RestorePlan {
  backup: BackupFile;
  /** The records to restore, every store present (threads empty for a format-1 file). */
  data: Snapshot;
  /** What a restore changes: records added, replaced and removed per store. */
  summary: Record<(typeof STORE_NAMES)[number], { add: number; replace: number; remove: number }>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Validates a backup file whole (shape, counts, checksum, references) and says what a restore
 * would change. Nothing is written. A foreign or corrupted file is refused with the reason.
 */
export async function planRestore(store: Store, json: string): Promise<RestorePlan> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new StoreError('invalid', `This is not a backup file: ${(error as Error).message}`);
  }
  if ((raw as { format?: unknown } | null)?.format !== BACKUP_FORMAT) {
    throw new StoreError('invalid', 'This file is not a Pipeline Scout backup.');
  }
  // The checksum covers the records as they were written; then they are brought to this schema.
  const file = raw as { checksum?: unknown; data?: unknown; schemaVersion?: unknown };
  if (
    typeof file.checksum === 'string' &&
    file.data !== undefined &&
    (await checksumOf(file.data)) !== file.checksum
  ) {
    throw new StoreError(
      'invalid',
      'The backup’s checksum does not match its contents: it was changed or damaged.',
    );
  }
  const version = typeof file.schemaVersion === 'number' ? file.schemaVersion : DB_VERSION;
  const parsed = backupFile.safeParse({ ...file, data: migrateBackupData(file.data, version) });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map(describeIssue).join('; ');
    throw new StoreError('invalid', `The backup is damaged: ${issues}`);
  }
  const backup = parsed.data;
  const format = backup.formatVersion ?? 1;
  if (backup.schemaVersion > DB_VERSION || format > BACKUP_FORMAT_VERSION) {
    throw new StoreError(
      'invalid',
      'This backup comes from a newer version of Pipeline Scout; update first.',
    );
  }
  if (format >= 2 && (!backup.data.threads || backup.counts.threads === undefined))
    throw new StoreError('invalid', 'The backup is incomplete: its threads are missing.');
  // Format 1 had no threads: restoring it leaves none (their deal links could point anywhere).
  const data: Snapshot = { ...backup.data, threads: backup.data.threads ?? [] };
  const counts = { ...backup.counts, threads: backup.counts.threads ?? 0 };
  for (const name of STORE_NAMES) {
    if (counts[name] !== data[name].length) {
      throw new StoreError(
        'invalid',
        `The backup is incomplete: ${name} should have ${counts[name]} records.`,
      );
    }
  }
  const contactIds = new Set(backup.data.contacts.map((c) => c.id));
  const orphan = backup.data.deals.find((d) => !contactIds.has(d.contactId));
  if (orphan)
    throw new StoreError('invalid', `Deal ${orphan.id} refers to a contact that is not in the backup.`);
  const dealIds = new Set(backup.data.deals.map((d) => d.id));
  // A thread linked to a contact or deal the file does not hold (a link left behind) is kept,
  // unlinked from it: the next read of the mailbox links it again. Refusing the file would lose all.
  data.threads = data.threads.map((t) => withoutDanglingLinks(t, contactIds, dealIds));
  const emailOwners = new Map<string, string>();
  for (const c of backup.data.contacts) {
    for (const key of c.emailKeys) {
      if (emailOwners.has(key)) throw new StoreError('invalid', `Two contacts in the backup share ${key}.`);
      emailOwners.set(key, c.id);
    }
  }

  const keys = await snapshotKeys(store);
  const summary = {} as RestorePlan['summary'];
  for (const name of STORE_NAMES) {
    const existing = keys[name];
    const incoming = data[name].map((r) => ('id' in r ? r.id : (r as { key: string }).key));
    const replace = incoming.filter((k) => existing.has(k)).length;
    summary[name] = { add: incoming.length - replace, replace, remove: existing.size - replace };
  }
  return { backup, data, summary };
}

/** A thread's links to records the file does not hold, dropped (its messages and follow-up stay). */
function withoutDanglingLinks(
  thread: ThreadRecord,
  contactIds: Set<string>,
  dealIds: Set<string>,
): ThreadRecord {
  const next = { ...thread };
  if (next.contactId && !contactIds.has(next.contactId)) delete next.contactId;
  if (next.dealId && !dealIds.has(next.dealId)) {
    delete next.dealId;
    delete next.followUpDueAt;
  }
  if (next.askDealIds) {
    const ask = next.askDealIds.filter((id) => dealIds.has(id));
    if (ask.length) next.askDealIds = ask;
    else delete next.askDealIds;
  }
  return next;
}

/**
 * Replaces everything with the backup, in one transaction: all of it is restored, or nothing
 * (an abort through `options.signal` leaves every store as it was).
 */
export async function restoreBackup(
  store: Store,
  plan: RestorePlan,
  options: ReplaceOptions = {},
): Promise<void> {
  await replaceEverything(store, plan.data, options);
}

/** Deletes every record. */
export async function deleteEverything(store: Store): Promise<void> {
  await replaceEverything(store, undefined);
}
