import type { Send } from '@/lib/messages/client';
import type { MailView, Provider } from '@/lib/webmail/types';
import { quotedTextOf } from '@/lib/text/quoted-text';

const MAX_ASKED = 500;

/**
 * Questionnaire answers (#19): asks the background which open incoming messages of the thread it
 * wants to read (only a thread linked to a deal in needs assessment), and sends just those texts.
 * Called after each new report of the view; a message whose text was sent is not sent again.
 */
export function createAnswerReader(send: Send, provider: Provider) {
  const asked = new Set<string>();
  return async (view: MailView) => {
    if (!view.threadId) return;
    // Which of them are the prospect's (incoming) the background knows from the thread: it asks only for those.
    const open = view.messages.filter((m) => m.id && m.bodyElement && !m.collapsed);
    const fresh = open.filter((m) => !asked.has(`${view.threadId}:${m.id}`)).slice(0, 100);
    if (!fresh.length) return;
    const threadId = view.threadId.slice(0, 200);
    try {
      const { messageIds } = await send('questionnaire/wanted', {
        provider,
        threadId,
        messageIds: fresh.map((m) => m.id!.slice(0, 200)),
      });
      for (const m of fresh.filter((x) => messageIds.includes(x.id!.slice(0, 200)))) {
        if (asked.size >= MAX_ASKED) asked.clear();
        asked.add(`${view.threadId}:${m.id}`);
        await send('questionnaire/reply', {
          provider,
          threadId,
          messageId: m.id!.slice(0, 200),
          text: quotedTextOf(m.bodyElement!),
        });
      }
    } catch {
      // The background restarting: the next report asks again.
      for (const m of fresh) asked.delete(`${view.threadId}:${m.id}`);
    }
  };
}
