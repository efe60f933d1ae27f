import { followUpPolicy, recordThreadRead, relinkThreadsOfContact, type Store } from '@/lib/db';
import type { MailSummaryWire } from '@/lib/messages';
import { mailboxOf } from '@/lib/threads/open-link';
import { threadReadOf } from '@/lib/threads/read';

/**
 * Records the open thread a webmail tab reported: its messages (ids, dates, directions), its
 * link to the contact's deal and its follow-up. The mailbox for "Open" comes from the tab's
 * address (the sender's, not the message's). A failure never fails the report. People the rep
 * forgot with "never suggest again" are left out by the repository (recordThreadRead).
 */
export async function recordMailThread(
  store: Store,
  mail: MailSummaryWire,
  tabUrl: string | undefined,
  now: number,
): Promise<void> {
  const read = threadReadOf(mail, now);
  if (!read) return;
  const policy = await followUpPolicy(store);
  await recordThreadRead(store, { ...read, mailbox: tabUrl ? mailboxOf(tabUrl) : {} }, policy);
}

/** A contact was saved or a deal started: threads read before are linked now. */
export async function relinkThreads(store: Store, contactId: string): Promise<void> {
  await relinkThreadsOfContact(store, contactId, await followUpPolicy(store));
}
