import { normaliseEmail } from '../contacts/email';
import type { Provider } from '../webmail/types';
import type { ThreadMessage } from './follow-up';

export interface ParticipantRead {
  name?: string;
  email: string;
}

/** One message as the content script reports it: ids, date and people, never a body. */
export interface MessageRead {
  id: string;
  at?: number;
  from?: ParticipantRead;
  to: ParticipantRead[];
  cc: ParticipantRead[];
}

export interface ThreadSummaryRead {
  provider: Provider;
  threadId?: string;
  subject?: string;
  owner?: string;
  /** The mailbox's own addresses (owner, delegates): messages from them are the rep's. */
  own?: string[];
  focusEmail?: string;
  messages?: MessageRead[];
}

/** What the store records of one read: the people other than the owner and each message's direction. */
export interface ThreadRead {
  provider: Provider;
  threadId: string;
  subject: string;
  owner?: string;
  participants: ParticipantRead[];
  prospectKeys: string[];
  focusKey?: string;
  messages: ThreadMessage[];
}

export const MAX_PARTICIPANTS = 30;

/**
 * Turns a reported mail view into a thread read: direction by the owner (a message from one of
 * the mailbox's own addresses is `out`). Messages with no id or no sender are left out (their
 * direction is unknown); one with no readable date takes `seenAt`, the first time it is seen.
 */
export function threadReadOf(summary: ThreadSummaryRead, seenAt: number): ThreadRead | undefined {
  if (!summary.threadId || !summary.messages?.length) return undefined;
  const keyOf = (email: string | undefined) => (email ? normaliseEmail(email)?.key : undefined);
  const own = new Set([summary.owner, ...(summary.own ?? [])].map(keyOf).filter(Boolean) as string[]);
  if (!own.size) return undefined;
  const people = new Map<string, ParticipantRead>();
  const messages: ThreadMessage[] = [];
  for (const m of summary.messages) {
    const from = keyOf(m.from?.email);
    if (!m.id || !from) continue;
    messages.push({ id: m.id, at: m.at ?? seenAt, direction: own.has(from) ? 'out' : 'in' });
    for (const p of [m.from!, ...m.to, ...m.cc]) {
      const key = keyOf(p.email);
      if (!key || own.has(key) || people.has(key)) continue;
      people.set(key, p.name ? { name: p.name, email: p.email } : { email: p.email });
    }
  }
  if (!messages.length) return undefined;
  const prospects = [...people.entries()].slice(0, MAX_PARTICIPANTS);
  const focusKey = keyOf(summary.focusEmail);
  return {
    provider: summary.provider,
    threadId: summary.threadId,
    subject: (summary.subject ?? '').trim().slice(0, 1_000),
    owner: summary.owner,
    participants: prospects.map(([, p]) => p),
    prospectKeys: prospects.map(([k]) => k),
    focusKey: focusKey && people.has(focusKey) ? focusKey : undefined,
    messages,
  };
}
