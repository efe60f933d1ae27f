import {
  readReplica,
  readReplicas,
  removeReplicas,
  stamp,
  travels,
  writeReplicas,
  type ChangeEvent,
  type Store,
  type StoreName,
} from '../db';
import {
  docId,
  fromDoc,
  parseDocId,
  sameRecord,
  SYNC_KINDS,
  toDoc,
  versionOf,
  type Replica,
  type SyncDoc,
  type SyncKind,
} from './docs';
import type { Mirror } from './mirror';

/**
 * Moves records between the local store (through its repositories) and the mirror: a PouchDB
 * database that PouchDB's replicator keeps in step with the team's server. Local changes go out
 * as documents on top of the mirror's current revision; documents that arrive are written
 * through the repositories; CouchDB's revision tree decides conflicts, kept until the rep
 * resolves them.
 */
const KIND_OF_STORE: Partial<Record<StoreName, SyncKind>> = {
  contacts: 'contact',
  deals: 'deal',
  activities: 'activity',
  threads: 'thread',
};
const APPLIED = '_local/pipeline-scout-applied';
const CONFLICTS = '_local/pipeline-scout-conflicts';
/**
 * Doc ids of the team's deals and activities whose contact is not here (it comes in a later batch,
 * or was forgotten here): kept aside and tried again after every apply (see retryParked).
 */
const PARKED = '_local/pipeline-scout-parked';
/** At most this many are kept aside; the oldest give way (a later change of theirs brings them again). */
const MAX_PARKED = 2_000;
/** Written when the first full round finished: a stopped first sync shows as a job again. */
const FIRST_SYNC = '_local/pipeline-scout-first-sync';
/**
 * Doc id → the revision last applied or written here, and the local record's stamp then; in
 * shards by id, so a change rewrites one small document rather than every record's base.
 */
const BASES = '_local/pipeline-scout-base-';
const BASE_SHARDS = 64;
const BATCH = 500;

export interface ConflictView {
  kind: SyncKind;
  id: string;
  /** The version CouchDB picked as the winner: what the local store shows now. */
  current: Replica;
  /** The versions it set aside, each with its revision. */
  others: { rev: string; replica: Replica }[];
}

export interface ApplyReport {
  written: number;
  deleted: number;
  refused: { docId: string; reason: string }[];
  conflicts: number;
}

type Ref = { kind: SyncKind; id: string };
const key = (ref: Ref) => docId(ref.kind, ref.id);
/** What a local record was based on: the document revision and the record's stamp then. */
type Base = { rev: string; stamp: string };

export class SyncBridge {
  /** Local changes not yet in the mirror: doc id → whether it is a deletion. */
  private readonly pending = new Map<string, Ref & { deleted: boolean }>();
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Each record's base (a profile's only marks that the store had it: it has no version). It
   * tells a teammate's edit (the document's revision is not the base) from the revision this
   * machine built on, and a record the store had and deleted (a base, no record) from one it
   * never had.
   */
  private bases?: Map<string, Base>;
  private readonly changedShards = new Set<number>();

  constructor(
    readonly store: Store,
    readonly mirror: Mirror,
  ) {}

  /** Follows the store's change events; returns the unsubscribe. Writes from sync are not sent back. */
  watch(onPending: () => void): () => void {
    return this.store.onChange((event) => {
      if (this.note(event)) onPending();
    });
  }

  /** Records a local change for the next flush; true when something is now pending. */
  note(event: ChangeEvent): boolean {
    if (event.source === 'sync' || event.kind === 'clear') return false;
    const refs: (Ref & { deleted: boolean })[] = [];
    const kind = KIND_OF_STORE[event.store];
    if (kind) for (const id of event.ids) refs.push({ kind, id, deleted: event.kind === 'delete' });
    // Profiles live in one setting: a change of it is checked profile by profile at the flush.
    if (event.store === 'settings' && event.ids.includes('fit.profiles'))
      refs.push({ kind: 'profile', id: '*', deleted: false });
    for (const ref of refs) this.pending.set(key(ref), ref);
    return refs.length > 0;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Runs one step at a time: flushes and incoming writes never interleave. */
  serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Writes pending local changes into the mirror. */
  flush(): Promise<number> {
    return this.serial(async () => {
      const refs = [...this.pending.values()];
      this.pending.clear();
      try {
        const written = await this.push(refs);
        await this.saveBases();
        return written;
      } catch (error) {
        for (const ref of refs) if (!this.pending.has(key(ref))) this.pending.set(key(ref), ref);
        throw error;
      }
    });
  }

  /**
   * After a worker stop: every local record the mirror does not have as it is now goes out, and
   * so does the deletion of every record the store had (it has a base) and has no longer: one
   * deleted while no change was noted (the worker woke on the deletion itself, sync was
   * blocked, or the worker stopped before the flush). A record the store never had is no
   * deletion: the absence of one the feed refused proves nothing.
   */
  reconcile(): Promise<number> {
    return this.serial(async () => {
      // One read of the mirror's stamps, so records in step cost no document read each.
      const inMirror = new Map<string, string>();
      await this.scanMirror(async (docs) => {
        for (const doc of docs) inMirror.set(doc._id, recordStamp(doc.record));
      });
      let written = 0;
      const bases = await this.loadBases();
      const here = new Set<string>();
      // A stamp like the mirror's is not proof: a teammate's edit can carry the same one.
      const changedHere = (r: Replica) =>
        (bases.get(key(r))?.stamp ?? recordStamp(r.record)) !== recordStamp(r.record);
      for (const kind of SYNC_KINDS) {
        const all = await readReplicas(this.store, kind);
        for (const r of all) here.add(key(r));
        const replicas = all.filter(
          (r) => kind === 'profile' || inMirror.get(key(r)) !== recordStamp(r.record) || changedHere(r),
        );
        for (let i = 0; i < replicas.length; i += BATCH)
          written += await this.putAll(replicas.slice(i, i + BATCH));
      }
      const deleted: Ref[] = [];
      for (const id of bases.keys()) {
        const ref = parseDocId(id);
        if (ref && !here.has(id) && !(await readReplica(this.store, ref.kind, ref.id))) deleted.push(ref);
      }
      written += await this.tombstones(deleted);
      await this.saveBases();
      return written;
    });
  }

  /** Every live document of the mirror, a page at a time (with their conflicts). */
  private async scanMirror(onPage: (docs: SyncDoc[]) => Promise<void>): Promise<void> {
    let startkey: string | undefined;
    for (;;) {
      const page = await this.mirror.allDocs({
        include_docs: true,
        conflicts: true,
        limit: BATCH,
        ...(startkey === undefined ? {} : { startkey, skip: 1 }),
      });
      const docs: SyncDoc[] = [];
      for (const row of page.rows) if ('doc' in row && row.doc && !row.id.startsWith('_')) docs.push(row.doc);
      await onPage(docs);
      if (page.rows.length < BATCH) return;
      startkey = (page.rows[page.rows.length - 1] as { id: string }).id;
    }
  }

  private async push(refs: (Ref & { deleted: boolean })[]): Promise<number> {
    let written = 0;
    const puts: Replica[] = [];
    const deletions: Ref[] = [];
    for (const ref of refs) {
      if (ref.kind === 'profile' && ref.id === '*') {
        const profiles = await readReplicas(this.store, 'profile');
        puts.push(...profiles);
        deletions.push(...(await this.profilesDeletedHere(profiles)));
      } else if (ref.deleted) deletions.push(ref);
      else {
        const replica = await readReplica(this.store, ref.kind, ref.id);
        if (replica && travels(replica)) puts.push(replica);
      }
    }
    for (let i = 0; i < puts.length; i += BATCH) written += await this.putAll(puts.slice(i, i + BATCH));
    if (deletions.length) written += await this.tombstones(deletions);
    return written;
  }

  /**
   * The profiles this store had (they have a base) and has no longer: the rep deleted them. A
   * teammate's profile the mirror holds but this store has not applied yet has no base: it stays.
   */
  private async profilesDeletedHere(profiles: Replica[]): Promise<Ref[]> {
    const here = new Set(profiles.map(key));
    const refs = [...(await this.loadBases()).keys()].map(parseDocId);
    return refs.filter((ref): ref is Ref => ref?.kind === 'profile' && !here.has(key(ref)));
  }

  /**
   * Puts records whose document differs. A record goes on top of the document's current
   * revision when that is the revision it was based on (its base), or when the document is new
   * or deleted. When the document moved on from the base (a teammate's edit arrived, whatever
   * its version number), a record changed here goes in as a sibling of that revision, so
   * CouchDB sees the conflict and both versions stay; one unchanged since its base is only
   * behind, and waits for the incoming change.
   */
  private async putAll(replicas: Replica[]): Promise<number> {
    if (!replicas.length) return 0;
    const current = await this.docs(replicas.map((r) => docId(r.kind, r.id)));
    const bases = await this.loadBases();
    const docs: SyncDoc[] = [];
    const branches: SyncDoc[] = [];
    const stamps = new Map<string, string>();
    for (const replica of replicas) {
      const id = docId(replica.kind, replica.id);
      const existing = current.get(id);
      const live = existing && !existing._deleted ? existing : undefined;
      const base = bases.get(id);
      stamps.set(id, recordStamp(replica.record));
      if (live && sameRecord(replica.kind, replica.record, live.record)) {
        this.setBase(replica, live._rev!, stamps.get(id)!);
        continue;
      }
      if (live && replica.kind !== 'profile' && live._rev !== base?.rev) {
        if (base?.stamp === stamps.get(id)) continue;
        branches.push(await this.sibling(live, replica));
      } else docs.push({ ...toDoc(replica), ...(existing?._rev ? { _rev: existing._rev } : {}) });
    }
    const written = await this.write(docs);
    if (branches.length) await this.mirror.bulkDocs(branches, { new_edits: false });
    for (const doc of [...written, ...branches])
      this.setBase(parseDocId(doc._id) as Ref, doc._rev!, stamps.get(doc._id)!);
    return written.length + branches.length;
  }

  /** A revision beside `doc`'s current one (same parent), carrying the local record. */
  private async sibling(doc: SyncDoc, replica: Replica): Promise<SyncDoc> {
    const withRevs = (await this.mirror.get(doc._id, { rev: doc._rev, revs: true })) as unknown as {
      _revisions: { start: number; ids: string[] };
    };
    const hash = globalThis.crypto.randomUUID().replace(/-/g, '');
    const { start, ids } = withRevs._revisions;
    return {
      ...toDoc(replica),
      _rev: `${start}-${hash}`,
      _revisions: { start, ids: [hash, ...ids.slice(1)] },
    } as SyncDoc;
  }

  private async tombstones(refs: Ref[]): Promise<number> {
    if (!refs.length) return 0;
    await this.loadBases();
    const current = await this.docs(refs.map(key));
    const docs = [...current.values()]
      .filter((doc) => !doc._deleted && doc._rev)
      .map((doc) => ({ _id: doc._id, _rev: doc._rev, _deleted: true }));
    const written = await this.write(docs);
    for (const ref of refs) this.dropBase(key(ref));
    return written.length;
  }

  /** Writes documents on top of their revisions; returns them with their new revisions. */
  private async write(docs: SyncDoc[]): Promise<SyncDoc[]> {
    if (!docs.length) return [];
    const results = await this.mirror.bulkDocs(docs);
    const failed = results.filter((r) => 'error' in r && r.error);
    if (failed.length) throw new Error(`The sync copy refused ${failed.length} change(s).`);
    return docs.map((doc, i) => ({ ...doc, _rev: (results[i] as { rev: string }).rev }));
  }

  /** The addresses of the team's contacts with these ids, as the mirror holds them. */
  private async teamContacts(ids: string[]): Promise<Map<string, readonly string[]>> {
    const docs = await this.docs(ids.map((id) => docId('contact', id)));
    const found = new Map<string, readonly string[]>();
    for (const doc of docs.values()) {
      const incoming = fromDoc(doc);
      if (incoming.ok && !incoming.deleted && incoming.replica.kind === 'contact')
        found.set(incoming.replica.id, incoming.replica.record.emails);
    }
    return found;
  }

  /** The mirror's current documents (deleted ones too, with their revision), with their conflicts if asked. */
  private async docs(ids: string[], options: { conflicts?: boolean } = {}): Promise<Map<string, SyncDoc>> {
    const found = new Map<string, SyncDoc>();
    if (!ids.length) return found;
    const result = await this.mirror.allDocs({ keys: ids, include_docs: true, ...options });
    for (const row of result.rows) {
      if (!('value' in row) || !row.value) continue;
      if (row.doc) found.set(row.id, row.doc as SyncDoc);
      else if (row.value.deleted) found.set(row.id, { _id: row.id, _rev: row.value.rev, _deleted: true });
    }
    return found;
  }

  /**
   * Writes what the replicator brought into the mirror since the last applied change, through
   * the repositories. Resumable: the applied sequence is saved after every batch.
   */
  applyIncoming(): Promise<ApplyReport> {
    return this.serial(async () => {
      const report: ApplyReport = { written: 0, deleted: 0, refused: [], conflicts: 0 };
      let saved = await this.parkedIds();
      const parked = new Set(saved);
      let since = await this.appliedSeq();
      for (;;) {
        const batch = await this.mirror.changes({
          since,
          limit: BATCH,
          include_docs: true,
          conflicts: true,
        });
        if (!batch.results.length) break;
        const orphans = await this.applyBatch(
          batch.results.map((r) => r.doc as SyncDoc | undefined),
          report,
        );
        orphans.forEach((id) => parked.add(id));
        since = batch.last_seq;
        await this.saveBases();
        // Before the applied sequence moves past them: a stop in between must not lose them, so
        // all of them (a first sync of a big team may park more than MAX_PARKED until their
        // contacts come); the bound holds once the run is through.
        saved = await this.saveParked(parked, saved, Infinity);
        await this.setLocal(APPLIED, { seq: since });
        if (batch.results.length < BATCH) break;
      }
      if (parked.size) await this.saveParked(await this.retryParked(parked, report), saved);
      report.conflicts = (await this.conflictIds()).length;
      return report;
    });
  }

  /**
   * Deals and activities kept aside because their contact was not here, tried again once every
   * batch is in: written now if the contact came; still waiting while the team's copy may yet
   * bring it; let go when the team's copy deleted that contact (forgotten, here or by a teammate)
   * or the record itself. Returns the doc ids still waiting.
   */
  private async retryParked(parked: ReadonlySet<string>, report: ApplyReport): Promise<Set<string>> {
    const docs = await this.docs([...parked], { conflicts: true });
    const waiting = await this.applyBatch([...docs.values()], report);
    const contactOf = (id: string) =>
      docId('contact', (docs.get(id)?.record as { contactId: string }).contactId);
    const contacts = await this.docs(waiting.map(contactOf));
    return new Set(waiting.filter((id) => !contacts.get(contactOf(id))?._deleted));
  }

  private async parkedIds(): Promise<string[]> {
    return ((await this.getLocal(PARKED)) as { ids?: string[] } | undefined)?.ids ?? [];
  }

  /** Saves the ids kept aside (the newest `max`) when they differ from those saved; returns them. */
  private async saveParked(
    parked: ReadonlySet<string>,
    saved: readonly string[],
    max = MAX_PARKED,
  ): Promise<string[]> {
    const ids = [...parked].slice(-max);
    if (ids.length !== saved.length || ids.some((id, i) => id !== saved[i]))
      await this.setLocal(PARKED, { ids });
    return ids;
  }

  /** Applies documents of the team; returns the doc ids of deals and activities whose contact is not here. */
  private async applyBatch(docs: (SyncDoc | undefined)[], report: ApplyReport): Promise<string[]> {
    const puts: Replica[] = [];
    const readAs = new Map<string, string>();
    const removals: Ref[] = [];
    const conflicted = new Set(await this.conflictIds());
    const bases = await this.loadBases();
    const revs = new Map<string, string>();
    const deletedHere: Ref[] = [];
    for (const doc of docs) {
      if (!doc || doc._id.startsWith('_')) continue;
      // Changed here and not yet in the mirror: the store keeps it; the flush puts it beside
      // this revision, a conflict the rep resolves, and the winner comes back through the feed.
      if (this.pending.has(doc._id)) continue;
      const incoming = fromDoc(doc);
      if (!incoming.ok) {
        if (parseDocId(doc._id)) report.refused.push({ docId: incoming.docId, reason: incoming.reason });
        continue;
      }
      if (incoming.deleted) {
        if (await readReplica(this.store, incoming.kind, incoming.id)) removals.push(incoming);
        this.dropBase(doc._id);
        conflicted.delete(doc._id);
        continue;
      }
      const { replica } = incoming;
      const local = await readReplica(this.store, replica.kind, replica.id);
      const base = bases.get(doc._id);
      if (!local && base) {
        // The store had this record and deleted it, unnoted (see reconcile): the deletion goes
        // out; the record does not come back.
        deletedHere.push(replica);
        continue;
      }
      if (local && base && local.kind !== 'profile' && recordStamp(local.record) !== base.stamp) {
        // Changed here since its base and the change not noted (a worker stopped before it was
        // sent): the store keeps it, and it goes out beside this revision, as a conflict.
        this.pending.set(doc._id, { kind: local.kind, id: local.id, deleted: false });
        continue;
      }
      if (!local || !sameRecord(local.kind, local.record, toDoc(replica).record)) {
        puts.push(replica);
        revs.set(doc._id, doc._rev!);
        if (replica.kind !== 'profile')
          readAs.set(docId(replica.kind, replica.id), stamp(local?.record as Parameters<typeof stamp>[0]));
      } else this.setBase(local, doc._rev!, recordStamp(local.record));
      if (doc._conflicts?.length && (await this.keepConflict(doc))) conflicted.add(doc._id);
      else conflicted.delete(doc._id);
    }
    const parked: string[] = [];
    if (puts.length) {
      const { changedHere, skipped, orphans } = await writeReplicas(this.store, puts, readAs, (ids) =>
        this.teamContacts(ids),
      );
      const orphaned = new Set(orphans);
      for (const replica of puts) if (orphaned.has(replica.id)) parked.push(key(replica));
      const notWritten = new Set(skipped);
      for (const replica of puts)
        if (!notWritten.has(replica.id))
          this.setBase(replica, revs.get(key(replica))!, recordStamp(replica.record));
      for (const id of changedHere)
        this.pending.set(docId('contact', id), { kind: 'contact', id, deleted: false });
      report.written += puts.length - skipped.length;
    }
    if (deletedHere.length) await this.tombstones(deletedHere);
    if (removals.length) {
      await removeReplicas(this.store, removals);
      report.deleted += removals.length;
    }
    await this.setLocal(CONFLICTS, { ids: [...conflicted] });
    return parked;
  }

  /**
   * Losing revisions that say the same as the winner are dropped; true when a real difference
   * stays. A thread's losing versions are always dropped: a thread is what a mailbox showed, and
   * the next read of it there merges its messages back into the winner.
   */
  private async keepConflict(doc: SyncDoc): Promise<boolean> {
    const same: SyncDoc[] = [];
    let differs = false;
    const readAgain = parseDocId(doc._id)?.kind === 'thread';
    for (const rev of doc._conflicts ?? []) {
      const other = (await this.mirror.get(doc._id, { rev })) as SyncDoc;
      if (readAgain || sameRecordDoc(doc, other)) same.push({ _id: doc._id, _rev: rev, _deleted: true });
      else differs = true;
    }
    if (same.length) await this.mirror.bulkDocs(same);
    return differs;
  }

  async conflictIds(): Promise<string[]> {
    return ((await this.getLocal(CONFLICTS)) as { ids?: string[] } | undefined)?.ids ?? [];
  }

  /** Both (or all) versions of a record in conflict; undefined when there is none. */
  async conflict(kind: SyncKind, id: string): Promise<ConflictView | undefined> {
    let doc: SyncDoc;
    try {
      doc = (await this.mirror.get(docId(kind, id), { conflicts: true })) as SyncDoc;
    } catch {
      return undefined;
    }
    if (!doc._conflicts?.length) return undefined;
    const current = fromDoc(doc);
    if (!current.ok || current.deleted) return undefined;
    const others: ConflictView['others'] = [];
    for (const rev of doc._conflicts) {
      const other = fromDoc((await this.mirror.get(doc._id, { rev })) as SyncDoc);
      if (other.ok && !other.deleted) others.push({ rev, replica: other.replica });
    }
    return { kind, id, current: current.replica, others };
  }

  /**
   * Resolves a conflict with the version the rep picked or merged: it becomes the next
   * revision of the winner, the other branches are closed, and the local store shows it.
   */
  resolve(chosen: Replica): Promise<Replica> {
    return this.serial(async () => {
      const id = docId(chosen.kind, chosen.id);
      await this.loadBases();
      const doc = (await this.mirror.get(id, { conflicts: true })) as SyncDoc;
      const versions = [
        doc,
        ...(await Promise.all((doc._conflicts ?? []).map((rev) => this.mirror.get(id, { rev })))),
      ];
      const top = Math.max(...versions.map((v) => versionOf((v as SyncDoc).record)));
      const record =
        chosen.kind === 'profile'
          ? chosen.record
          : { ...chosen.record, version: top + 1, updatedAt: this.store.now() };
      const resolved = { ...chosen, record } as Replica;
      const [written] = await this.write([
        { ...toDoc(resolved), _rev: doc._rev },
        ...(doc._conflicts ?? []).map((rev) => ({ _id: id, _rev: rev, _deleted: true })),
      ]);
      await writeReplicas(this.store, [resolved]);
      this.setBase(resolved, written!._rev!, recordStamp(resolved.record));
      await this.saveBases();
      const ids = (await this.conflictIds()).filter((c) => c !== id);
      await this.setLocal(CONFLICTS, { ids });
      return resolved;
    });
  }

  /** Whether a full round has finished with this copy (false until the first sync completes). */
  async synced(): Promise<boolean> {
    return (await this.getLocal(FIRST_SYNC)) !== undefined;
  }

  /** Notes that a full round finished (once). */
  async markSynced(at: number): Promise<void> {
    if (!(await this.synced())) await this.setLocal(FIRST_SYNC, { at });
  }

  private async loadBases(): Promise<Map<string, Base>> {
    if (!this.bases) {
      const bases = new Map<string, Base>();
      for (let shard = 0; shard < BASE_SHARDS; shard++) {
        const saved = (await this.getLocal(BASES + shard)) as
          { revs?: Record<string, [string, string]> } | undefined;
        for (const [id, [rev, at]] of Object.entries(saved?.revs ?? {})) bases.set(id, { rev, stamp: at });
      }
      this.bases = bases;
    }
    return this.bases;
  }

  /** A profile's base only says the store had it (its deletion then goes out); it has no version. */
  private setBase(ref: Ref, rev: string, recordAt: string) {
    this.bases?.set(key(ref), { rev, stamp: recordAt });
    this.changedShards.add(shardOf(key(ref)));
  }

  private dropBase(id: string) {
    if (this.bases?.delete(id)) this.changedShards.add(shardOf(id));
  }

  private async saveBases(): Promise<void> {
    if (!this.bases || !this.changedShards.size) return;
    const shards = new Map<number, Record<string, [string, string]>>();
    for (const shard of this.changedShards) shards.set(shard, {});
    for (const [id, base] of this.bases) {
      const revs = shards.get(shardOf(id));
      if (revs) revs[id] = [base.rev, base.stamp];
    }
    for (const [shard, revs] of shards) await this.setLocal(BASES + shard, { revs });
    this.changedShards.clear();
  }

  private async appliedSeq(): Promise<string | number> {
    return ((await this.getLocal(APPLIED)) as { seq?: string | number } | undefined)?.seq ?? 0;
  }

  private async getLocal(id: string): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.mirror.get(id)) as unknown as Record<string, unknown>;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  private async setLocal(id: string, body: Record<string, unknown>): Promise<void> {
    const current = await this.getLocal(id);
    await this.mirror.put({ ...body, _id: id, ...(current?._rev ? { _rev: current._rev as string } : {}) });
  }
}

/** The shard of the bases a document id's base is kept in. */
function shardOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(hash) % BASE_SHARDS;
}

/** What identifies a record's state cheaply: its version and last change. */
function recordStamp(record: unknown): string {
  const r = record as { version?: unknown; updatedAt?: unknown } | undefined;
  return `${String(r?.version)}:${String(r?.updatedAt)}`;
}

function sameRecordDoc(a: SyncDoc, b: SyncDoc): boolean {
  const ref = parseDocId(a._id);
  return !!ref && !b._deleted && sameRecord(ref.kind, a.record as never, b.record);
}
