import type { Signature } from '../text/signature';
export type { Signature };
export type Provider = 'gmail' | 'outlook';

export interface MailParticipant {
  name?: string;
  email: string;
}

export interface MailMessage {
  id?: string;
  from?: MailParticipant;
  to: MailParticipant[];
  cc: MailParticipant[];
  date?: string;
  signature?: Signature;
  /** Where the sender is shown: chips are placed beside it. Not serialised. */
  senderElement?: Element;
  recipientElements: { participant: MailParticipant; element: Element }[];
  collapsed: boolean;
}

export interface MailView {
  provider: Provider;
  subject?: string;
  threadId?: string;
  /** The mailbox owner: never a prospect. */
  owner?: string;
  messages: MailMessage[];
  /** Participants of thread-list rows (inbox, search results). */
  list: { participant: MailParticipant; element: Element }[];
  /** Recipients being written to in open compose windows. */
  compose: { participant: MailParticipant; element: Element }[];
}

/** How often each anchor of an adapter was found, for the options page's health view. */
export type AnchorHealth = Record<string, { found: number; missing: number }>;

/**
 * Parsed messages by their element, so re-reading a long thread parses only what changed. A
 * stamp guards against a swapped message; changes inside one are forgotten with `forgetAround`.
 */
export type MessageCache = WeakMap<Element, { stamp: string; message: MailMessage }>;
