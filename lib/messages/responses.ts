import type { Contact } from '../contacts/contact';
import type { AddressProposal } from '../contacts/address-pattern/propose';
import type { Activity } from '../db/schema';
import type { Duplicate, ForgetCounts, PersonRecords } from '../db/record';
import type { FitProfile } from '../fit/schema';
import type { FitResult } from '../fit/evaluate';
import type { FitVerdict } from '../fit/types';
import type { Deal, DealStatus } from '../pipeline/deal';
import type { NextStep } from '../pipeline/next-step';
import type { PipelineMetrics } from '../pipeline/metrics';
import type { Locale, StepId } from '../pipeline/steps';
import type { TemplateLibrary } from '../templates/schema';
import type { OfferedAnswer } from '../db/thread-answers';
import type { FollowUp } from '../threads/follow-up';
import type { RestorePlan } from '../io/backup';
import type { ImportReport } from '../io/import';
import type { AnchorHealth } from '../webmail/types';
import type { DetectedContactWire, MailSummaryWire } from './wire';
import type { JobView } from './events';
import type { MessageType } from './protocol';
import type { SyncErrorCode } from '../sync/config';
import type { CheckAnswers } from '../contacts/checks-remote';

/**
 * What a badge or chip beside an address shows, and nothing more: it travels to the page's
 * process, so no contact id, stored field or score reason (which may quote stored data) is in it.
 */
export interface BadgeState {
  key: string;
  verdict: FitVerdict;
  score: number;
  /** In the rep's contacts (a chip offers "+ Add" otherwise). */
  saved: boolean;
  stage?: { step: StepId; status: DealStatus };
  /** The deal's follow-up as the chip reads it ("Follow-up due"): label text only, no dates or ids. */
  followUp?: string;
}

export interface TabContact extends DetectedContactWire {
  key: string;
  fit: FitResult;
  contactId?: string;
  deal?: { id: string; step: StepId; status: DealStatus; followUp?: FollowUp };
  /** An address inferred from the company's pattern for a person the page shows none for: a guess. */
  proposed?: AddressProposal;
  /** The confirmed address the store has for a person the page shows without one. */
  storedEmail?: string;
}

/** What a tab contact is as a detection, without what the background added to it. */
export function wireOf(c: TabContact): DetectedContactWire {
  const { key: _k, fit: _f, contactId: _c, deal: _d, proposed: _p, storedEmail: _s, ...wire } = c;
  return wire;
}

export interface TabState {
  url?: string;
  contacts: TabContact[];
  mail?: MailSummaryWire;
  scannedAt?: number;
}

export interface DealWithNext {
  deal: Deal;
  next: NextStep | null;
}

export interface ContactDetail {
  contact: Contact;
  deals: DealWithNext[];
  activities: Activity[];
  referredBy?: Pick<Contact, 'id' | 'name'>;
}

export interface ForgetResult {
  /** Undo with this token until `undoUntil`; after that the records are gone. */
  token: string;
  undoUntil: number;
  /** What went, counted as the dialog's preview (`contacts/forget-preview`) counted it. */
  counts: ForgetCounts;
  suppressed: boolean;
}

/** What is stored about a person: the records, and the exports a rep hands over. */
export interface PersonRecordView extends PersonRecords {
  referrals: Pick<Contact, 'id' | 'name'>[];
  suppressed: boolean;
  json: string;
  vcard: string;
}

export interface DueItem {
  deal: Deal;
  contact: Pick<Contact, 'id' | 'name' | 'company' | 'emails'>;
  next: NextStep;
  /** The deal's follow-up from its e-mail threads, if one is owed. */
  followUp?: FollowUp;
}

/** A thread as the sidebar shows it: no message bodies, and an "Open" link built from its ids. */
export interface ThreadView {
  id: string;
  provider: 'gmail' | 'outlook';
  subject: string;
  participants: { name?: string; email: string }[];
  lastAt?: number;
  lastDirection?: 'in' | 'out';
  messageCount: number;
  followUp: FollowUp;
  dealId?: string;
  askDealIds?: string[];
  openUrl?: string;
}

export interface BoardColumn {
  step: StepId;
  items: DueItem[];
  count: number;
  value: Record<string, number>;
}

export interface SettingsView {
  locale: 'en' | 'de' | 'auto';
  profiles: FitProfile[];
  activeProfileId: string;
  /** Working days before a follow-up is due, per step: the rep's values over the step table's. */
  followUpDays: Record<StepId, number>;
}

export interface FocusView {
  contactId?: string;
  email?: string;
  detail?: ContactDetail;
  /** A contact seen in the tab but not yet saved. */
  unsaved?: TabContact;
}

export interface AccessStatus {
  webmail: boolean;
  allSites: boolean;
  registered: string[];
}

export interface SyncView {
  configured: boolean;
  server?: {
    url: string;
    database: string;
    auth: 'password' | 'cookie' | 'none';
    username?: string;
    rep?: string;
    /** The password itself never leaves the background. */
    passwordSet: boolean;
  };
  state: 'off' | 'idle' | 'syncing' | 'live' | 'error';
  /** The rep stopped a round: nothing syncs until "Sync now" (which resumes from the checkpoint). */
  paused?: boolean;
  lastSyncAt?: number;
  pending: number;
  conflicts: number;
  refused: number;
  error?: { code: SyncErrorCode | 'no-permission'; detail: string };
}

/** A deal two reps changed apart: the version shown now and the ones set aside. */
export interface DealConflict {
  current: Deal;
  others: { rev: string; deal: Deal }[];
}

/** A result kept in the background, fetched piece by piece (lib/io/parcels.ts). */
export interface KeptResult {
  id: string;
  chars: number;
}

/** What the compose button lists: the recipients' deal (if any) and its templates, current step first. */
export interface ComposeTemplatesView {
  dealId?: string;
  step?: StepId;
  /** The language the recipient probably reads, when their addresses or phones say it. */
  contactLocale?: Locale;
  /** Grouped by language, the rep's first (consecutive items of one `locale`), each group by step. */
  templates: { id: string; name: string; step: StepId; locale: Locale }[];
}

export interface ComposeFillView {
  text: string;
  /** Placeholders without a value: the text shows a marker for each. */
  missing: string[];
}

export interface ResponseMap {
  'compose/templates': ComposeTemplatesView;
  'compose/fill': ComposeFillView;
  'compose/sent': { logged: boolean };
  'templates/get': TemplateLibrary;
  'questionnaire/wanted': { messageIds: string[] };
  'questionnaire/reply': { offered: number };
  'questionnaire/answers': (OfferedAnswer & { openUrl?: string })[];
  'questionnaire/settle': Deal;
  'templates/save': TemplateLibrary;
  'threads/of-contact': ThreadView[];
  'settings/set-follow-up-days': SettingsView;
  'threads/link': ThreadView;
  'page/report': { badges: BadgeState[] };
  'page/badges': { badges: BadgeState[] };
  'page/checks': CheckAnswers;
  'page/open-contact': { opened: boolean };
  'page/activate': { injected: boolean };
  'tab/state': TabState;
  'tab/scan': { injected: boolean };
  'focus/get': FocusView;
  'focus/set': FocusView;
  'contacts/search': Contact[];
  'contacts/get': ContactDetail;
  'contacts/add': { contact: Contact; created: boolean };
  'contacts/update': Contact;
  'contacts/confirm-address': Contact;
  'contacts/duplicates': Duplicate[];
  'contacts/merge': { contact: Contact; movedDeals: number; movedActivities: number; movedThreads: number };
  'contacts/forget-preview': ForgetCounts;
  'contacts/forget': ForgetResult;
  'contacts/forget-undo': { restored: boolean };
  'contacts/record': PersonRecordView;
  'deals/edit': Deal;
  'deals/delete': { deleted: true; activities: number };
  'deals/start': { deal: Deal; existing: boolean };
  'deals/transition': Deal;
  'deals/fact': Deal;
  'deals/schedule': Deal;
  'deals/restart': { origin: Deal; started: Deal };
  'deals/due': DueItem[];
  'deals/board': BoardColumn[];
  'deals/metrics': PipelineMetrics;
  'activities/add': { activity: Activity; deal?: Deal };
  'settings/get': SettingsView;
  'settings/set-locale': SettingsView;
  'settings/save-profile': SettingsView;
  'settings/delete-profile': SettingsView;
  'settings/activate-profile': SettingsView;
  /** json, or with inPieces the kept file to fetch with `data/result`. */
  'data/backup': { json?: string; result?: KeptResult; counts: Record<string, number> };
  'data/restore-plan': Pick<RestorePlan, 'summary'> & { exportedAt: string };
  'data/restore': { restored: Record<string, number> };
  'data/delete-all': { deleted: true };
  'data/import-csv': ImportReport;
  'data/export-csv': { csv?: string; result?: KeptResult; count: number };
  'data/export-vcard': { vcard?: string; result?: KeptResult; count: number };
  'data/upload': { pieces: number; chars: number };
  'data/result': { text: string; next?: number };
  'data/upload-drop': { dropped: true };
  'data/import-vcard': {
    created: number;
    merged: number;
    errors: { line: number; message: string }[];
    skipped: number;
    /** Cards left out because the rep asked never to be suggested that person again. */
    suppressed: number;
    jobId?: string;
    state?: JobView['state'];
  };
  'jobs/list': JobView[];
  'jobs/cancel': JobView;
  'jobs/resume': JobView;
  'health/get': { pages: number; anchors: AnchorHealth };
  'access/status': AccessStatus;
  'access/sync': AccessStatus;
  'sync/status': SyncView;
  'sync/save': SyncView;
  'sync/disable': SyncView;
  'sync/now': SyncView;
  'sync/conflict': DealConflict | null;
  'sync/resolve': Deal;
  'privacy/suppressed-count': { count: number };
  /** removed: the address was on the never-suggest list; count: how many are left on it. */
  'privacy/unsuppress': { removed: boolean; count: number };
}

export type ResponseOf<T extends MessageType> = ResponseMap[T];

// Compile-time guard: every message type has a response type and vice versa.
type Missing = Exclude<MessageType, keyof ResponseMap> | Exclude<keyof ResponseMap, MessageType>;
export const PROTOCOL_COMPLETE: Missing extends never ? true : Missing = true;
