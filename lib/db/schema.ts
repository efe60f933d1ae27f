import type { DBSchema } from 'idb';
import type { Contact } from '../contacts/contact';
import type { Deal } from '../pipeline/deal';
import type { Job, JobChunk, JobUndo } from './job-types';

export const DB_NAME = 'pipeline-scout';

export const ACTIVITY_KINDS = ['note', 'email', 'call', 'meeting', 'check-in', 'stage-change'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface Activity {
  id: string;
  /** The deal's id, or the contact's when the activity belongs to no deal. */
  subjectId: string;
  contactId: string;
  dealId?: string;
  kind: ActivityKind;
  at: number;
  text: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** A stored deal carries its next due date so the due query is an index range. */
export type StoredDeal = Deal & { dueAt?: number };

/** The single registry of stored state: every store, its key and its indexes. */
export interface PipelineDB extends DBSchema {
  contacts: {
    key: string;
    value: Contact;
    indexes: {
      byEmail: string;
      byDomain: string;
      byVerdict: string;
      byTerm: string;
      byPhone: string;
      byProfile: string;
      byGuess: string;
    };
  };
  deals: {
    key: string;
    value: StoredDeal;
    indexes: { byContact: string; byStatusStep: [string, string]; byDue: number };
  };
  activities: {
    key: string;
    value: Activity;
    indexes: { bySubject: string; byContact: string };
  };
  settings: { key: string; value: SettingRecord };
  /** Long jobs (imports): progress, checkpoint and state; survive a service-worker stop. */
  jobs: { key: string; value: Job; indexes: { byState: string } };
  /** A job's staged input, in chunks: the source of a resumed or all-or-nothing import. */
  jobChunks: { key: [string, number]; value: JobChunk };
  /** What each committed chunk created and the records it changed as they were before: cancel's undo. */
  jobUndo: { key: [string, number]; value: JobUndo };
}

export type StoreName = 'contacts' | 'deals' | 'activities' | 'settings';
export const STORE_NAMES: readonly StoreName[] = ['contacts', 'deals', 'activities', 'settings'];
