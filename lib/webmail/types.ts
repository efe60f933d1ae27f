import type { Signature } from '../text/signature';
export type { Signature };
export type Provider = 'gmail' | 'outlook';

export interface MailParticipant {
  name?: string;
  email: string;
}

export interface MailMessage {
  /**
   * The provider's message id: Gmail's hex id (`data-legacy-message-id`, or `data-message-id`
   * "#msg-f:<decimal>" read to hex); Outlook's item id where the page carries one.
   */
  id?: string;
  from?: MailParticipant;
  to: MailParticipant[];
  cc: MailParticipant[];
  date?: string;
  signature?: Signature;
  /** Where the sender is shown: chips are placed beside it. Not serialised. */
  senderElement?: Element;
  /** The open message's body: read for questionnaire answers only when the background asks (#19). Not serialised. */
  bodyElement?: Element;
  recipientElements: { participant: MailParticipant; element: Element }[];
  collapsed: boolean;
  /** Hidden in Gmail's fold ("3 older messages"): in the thread, not on screen. */
  folded?: boolean;
}

export interface MailView {
  provider: Provider;
  subject?: string;
  /**
   * The provider's thread id: Gmail's hex thread id (`data-legacy-thread-id`, or
   * `data-thread-perm-id` read to hex; else the thread token of the address), Outlook's
   * conversation id (`data-convid`, else the conversation id of the address).
   */
  threadId?: string;
  /** The mailbox owner: never a prospect. */
  owner?: string;
  /** The owner's display name where the page shows only that (Outlook's title and account button). */
  ownerName?: string;
  /** Every signed-in address the page shows (the mailbox, a delegate's own account): never prospects. */
  accounts?: string[];
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
