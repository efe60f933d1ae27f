import { followUpPolicy, linkThread, threadsOfContact, type ThreadRecord } from '@/lib/db';
import type { ThreadView } from '@/lib/messages';
import { openLinkOf } from '@/lib/threads/open-link';
import type { HandlerMap } from '../router';
import type { Services } from '../services';

/** What the sidebar gets of a thread: its people, dates, follow-up and an "Open" link built from its ids. */
export function threadView(t: ThreadRecord): ThreadView {
  return {
    id: t.id,
    provider: t.provider,
    subject: t.subject,
    participants: t.participants,
    lastAt: t.lastAt,
    lastDirection: t.lastDirection,
    messageCount: t.messages.length,
    followUp: t.followUp,
    dealId: t.dealId,
    askDealIds: t.askDealIds,
    openUrl: openLinkOf({ provider: t.provider, threadId: t.threadId, ...t.mailbox }),
  };
}

export function threadHandlers(services: Services): Pick<HandlerMap, 'threads/of-contact' | 'threads/link'> {
  return {
    async 'threads/of-contact'({ contactId }) {
      return (await threadsOfContact(await services.store(), contactId)).map(threadView);
    },
    async 'threads/link'({ threadId, dealId }) {
      const store = await services.store();
      return threadView(await linkThread(store, threadId, dealId, await followUpPolicy(store)));
    },
  };
}
