import { STEPS } from '../pipeline/steps';
import { normaliseEmail } from '../contacts/email';
import type { ThreadMessage, ThreadRead } from '../threads';
import { recordThreadRead, type FollowUpPolicy } from './threads';
import type { Store } from './open';

export const testPolicy: FollowUpPolicy = {
  timeZone: 'UTC',
  workingDays: (s) => STEPS[s].followUpWorkingDays,
};

/**
 * Records a Gmail thread between the rep and `emails` (the first is the focused sender), with one
 * message out and, if `replies`, as many back: what a webmail tab reports when the rep opens it.
 */
export async function readMailThread(
  store: Store,
  threadId: string,
  emails: string[],
  options: { replies?: number; subject?: string; at?: number } = {},
) {
  const at = options.at ?? store.now();
  const messages: ThreadMessage[] = [{ id: `${threadId}-0`, at, direction: 'out' }];
  for (let i = 1; i <= (options.replies ?? 0); i++)
    messages.push({ id: `${threadId}-${i}`, at: at + i * 3_600_000, direction: 'in' });
  const keys = emails.map((e) => normaliseEmail(e)!.key);
  const read: ThreadRead = {
    provider: 'gmail',
    threadId,
    subject: options.subject ?? `Thread ${threadId}`,
    owner: 'rep@seller.io',
    participants: emails.map((email) => ({ email })),
    prospectKeys: keys,
    focusKey: keys[0],
    messages,
  };
  const thread = await recordThreadRead(store, { ...read, mailbox: { account: 0 } }, testPolicy);
  if (!thread) throw new Error(`${threadId}: everyone in it is suppressed, nothing was stored`);
  return thread;
}
