import { addWorkingDays } from './working-days';

export type Direction = 'in' | 'out';

/** One message of a thread as the store keeps it: never the body. */
export interface ThreadMessage {
  /** The provider's message id. */
  id: string;
  at: number;
  direction: Direction;
}

/**
 * Who owes the next e-mail: `waiting-on-them` when the rep wrote last (due after the step's
 * working days without a reply), `waiting-on-you` when the prospect wrote last (due after one
 * working day unanswered). A later message the other way clears it.
 */
export type FollowUp =
  { state: 'none' } | { state: 'waiting-on-them' | 'waiting-on-you'; since: number; dueAt: number };

/** Working days an unanswered prospect e-mail may wait before it is due. */
export const REPLY_WORKING_DAYS = 1;

export function lastMessage(messages: readonly ThreadMessage[]): ThreadMessage | undefined {
  let last: ThreadMessage | undefined;
  for (const m of messages) if (!last || m.at > last.at || (m.at === last.at && m.id > last.id)) last = m;
  return last;
}

export function followUpOf(
  messages: readonly ThreadMessage[],
  waitWorkingDays: number,
  timeZone: string,
): FollowUp {
  const last = lastMessage(messages);
  if (!last) return { state: 'none' };
  if (last.direction === 'out')
    return {
      state: 'waiting-on-them',
      since: last.at,
      dueAt: addWorkingDays(last.at, waitWorkingDays, timeZone),
    };
  return {
    state: 'waiting-on-you',
    since: last.at,
    dueAt: addWorkingDays(last.at, REPLY_WORKING_DAYS, timeZone),
  };
}

export function isDue(followUp: FollowUp, now: number): boolean {
  return followUp.state !== 'none' && followUp.dueAt <= now;
}

/** A deal's follow-up: the one of its threads that is due first. */
export function dealFollowUp(followUps: readonly FollowUp[]): FollowUp {
  let first: FollowUp = { state: 'none' };
  for (const f of followUps)
    if (f.state !== 'none' && (first.state === 'none' || f.dueAt < first.dueAt)) first = f;
  return first;
}

/**
 * Adds what a re-read saw to what is stored, keyed by message id: reading the same thread again
 * changes nothing; a date seen before is kept (the page may show "yesterday" later). Bounded to
 * the newest `max` messages.
 */
export function mergeMessages(
  stored: readonly ThreadMessage[],
  read: readonly ThreadMessage[],
  max = 200,
): { messages: ThreadMessage[]; added: ThreadMessage[] } {
  const byId = new Map(stored.map((m) => [m.id, m]));
  const added: ThreadMessage[] = [];
  for (const m of read) {
    if (byId.has(m.id)) continue;
    byId.set(m.id, m);
    added.push(m);
  }
  const messages = [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).slice(-max);
  const kept = new Set(messages.map((m) => m.id));
  return { messages, added: added.filter((m) => kept.has(m.id)) };
}
