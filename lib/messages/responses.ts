import type { Contact } from '../contacts/contact';
import type { Activity } from '../db/schema';
import type { FitProfile } from '../fit/schema';
import type { FitResult } from '../fit/evaluate';
import type { FitVerdict } from '../fit/types';
import type { Deal, DealStatus } from '../pipeline/deal';
import type { NextStep } from '../pipeline/next-step';
import type { PipelineMetrics } from '../pipeline/metrics';
import type { StepId } from '../pipeline/steps';
import type { FollowUp } from '../threads/follow-up';
import type { RestorePlan } from '../io/backup';
import type { ImportReport } from '../io/import';
import type { AnchorHealth } from '../webmail/types';
import type { DetectedContactWire, MailSummaryWire } from './wire';
import type { MessageType } from './protocol';

/** What a badge or chip beside an address shows. */
export interface BadgeState {
  key: string;
  contactId?: string;
  name?: string;
  title?: string;
  verdict: FitVerdict;
  score: number;
  reasons: string[];
  stage?: { step: StepId; status: DealStatus };
  /** The deal's follow-up as the chip reads it ("Follow-up due"): label text only, no dates or ids. */
  followUp?: string;
}

export interface TabContact extends DetectedContactWire {
  key: string;
  fit: FitResult;
  contactId?: string;
  deal?: { id: string; step: StepId; status: DealStatus; followUp?: FollowUp };
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

export interface ResponseMap {
  'threads/of-contact': ThreadView[];
  'settings/set-follow-up-days': SettingsView;
  'threads/link': ThreadView;
  'page/report': { badges: BadgeState[] };
  'page/badges': { badges: BadgeState[] };
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
  'data/backup': { json: string; counts: Record<string, number> };
  'data/restore-plan': Pick<RestorePlan, 'summary'> & { exportedAt: string };
  'data/restore': { restored: Record<string, number> };
  'data/delete-all': { deleted: true };
  'data/import-csv': ImportReport;
  'data/export-csv': { csv: string; count: number };
  'data/export-vcard': { vcard: string; count: number };
  'data/import-vcard': {
    created: number;
    merged: number;
    errors: { line: number; message: string }[];
    skipped: number;
  };
  'health/get': { pages: number; anchors: AnchorHealth };
  'access/status': AccessStatus;
  'access/sync': AccessStatus;
}

export type ResponseOf<T extends MessageType> = ResponseMap[T];

// Compile-time guard: every message type has a response type and vice versa.
type Missing = Exclude<MessageType, keyof ResponseMap> | Exclude<keyof ResponseMap, MessageType>;
export const PROTOCOL_COMPLETE: Missing extends never ? true : Missing = true;
