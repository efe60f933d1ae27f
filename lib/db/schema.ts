import type { DBSchema } from 'idb';
import type { Contact } from '../contacts/contact';
import type { Deal } from '../pipeline/deal';
import type { Job, JobChunk, JobUndo } from './job-types';
import type { Direction, FollowUp, ThreadMessage } from '../threads/follow-up';

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
  /** An e-mail of a linked thread: `<provider>:<message id>`, unique, so a re-read never duplicates it. */
  messageId?: string;
  /** The thread record (`<provider>:<thread id>`) the message belongs to. */
  threadRef?: string;
  direction?: Direction;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export interface ThreadParticipant {
  name?: string;
  email: string;
}

/** One answer of a questionnaire reply, linked to its message; the rep accepts it as a need or dismisses it. */
export interface ThreadAnswer {
  /** `<message id>#<question index>` */
  key: string;
  messageId: string;
  /** When the message was sent. */
  at: number;
  question: string;
  answer: string;
  state: 'offered' | 'accepted' | 'dismissed';
}

/** A webmail thread: its people and its messages' dates and directions, never a body. */
export interface ThreadRecord {
  /** `<provider>:<thread id>`. */
  id: string;
  provider: 'gmail' | 'outlook';
  threadId: string;
  /** The mailbox it was read in: the owner, Gmail's account slot, Outlook's origin (for "Open"). */
  owner?: string;
  mailbox: { account?: number; origin?: string };
  subject: string;
  /** The people other than the mailbox owner, bounded. */
  participants: ThreadParticipant[];
  /** Their normalised addresses: a contact saved later finds its threads by them. */
  prospectKeys: string[];
  contactId?: string;
  dealId?: string;
  /** The rep unlinked it: it is not linked again by itself. */
  unlinked?: boolean;
  /** Several open deals: the sidebar asks which one, once. */
  askDealIds?: string[];
  messages: ThreadMessage[];
  lastAt?: number;
  lastDirection?: Direction;
  followUp: FollowUp;
  /** The follow-up's due date while linked to a deal, for the due index. */
  followUpDueAt?: number;
  /** Set while no saved contact is in the thread: the oldest such threads are dropped first. */
  pendingAt?: number;
  /** Questionnaire answers read from the prospect's replies (#19), offered to the rep one by one. */
  answers?: ThreadAnswer[];
  /** Incoming messages already read for answers (bounded): each is read once. */
  answersRead?: string[];
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
    indexes: { bySubject: string; byContact: string; byMessage: string; byThread: string };
  };
  settings: { key: string; value: SettingRecord };
  /** Long jobs (imports): progress, checkpoint and state; survive a service-worker stop. */
  jobs: { key: string; value: Job; indexes: { byState: string } };
  /** A job's staged input, in chunks: the source of a resumed or all-or-nothing import. */
  jobChunks: { key: [string, number]; value: JobChunk };
  /** What each committed chunk created and the records it changed as they were before: cancel's undo. */
  jobUndo: { key: [string, number]; value: JobUndo };
  threads: {
    key: string;
    value: ThreadRecord;
    indexes: { byDeal: string; byContact: string; byProspect: string; byFollowUp: number; byPending: number };
  };
}

/** The stores a backup holds (threads since backup format 2: their deal links, messages' dates and follow-ups). */
export type BackupStoreName = 'contacts' | 'deals' | 'activities' | 'settings' | 'threads';
export type StoreName = BackupStoreName;
export const STORE_NAMES: readonly BackupStoreName[] = [
  'contacts',
  'deals',
  'activities',
  'settings',
  'threads',
];
