import {
  getThread,
  messagesWantingAnswers,
  offeredAnswers,
  readSetting,
  recordAnswers,
  settleAnswer,
  threadKey,
} from '@/lib/db';
import { answersOfBestSet } from '@/lib/templates';
import { openLinkOf } from '@/lib/threads/open-link';
import type { HandlerMap } from '../router';
import type { Services } from '../services';
import { assertWebmail } from './templates';

export function questionnaireHandlers(
  services: Services,
): Pick<
  HandlerMap,
  'questionnaire/wanted' | 'questionnaire/reply' | 'questionnaire/answers' | 'questionnaire/settle'
> {
  return {
    async 'questionnaire/wanted'({ provider, threadId, messageIds }, request) {
      assertWebmail(request.tabUrl);
      const store = await services.store();
      return { messageIds: await messagesWantingAnswers(store, threadKey(provider, threadId), messageIds) };
    },
    async 'questionnaire/reply'({ provider, threadId, messageId, text }, request) {
      assertWebmail(request.tabUrl);
      const store = await services.store();
      const key = threadKey(provider, threadId);
      // Only a message the background asked for is read; its text is parsed here and dropped.
      if (!(await messagesWantingAnswers(store, key, [messageId])).length) return { offered: 0 };
      const library = await readSetting(store, 'templates.library');
      // The question set the reply answers best (the rep may have sent the English or the German one).
      const best = answersOfBestSet(
        text,
        library.questionSets.map((set) => set.questions),
      );
      return { offered: (await recordAnswers(store, key, messageId, best)).length };
    },
    async 'questionnaire/answers'({ dealId }) {
      const store = await services.store();
      const offered = await offeredAnswers(store, dealId);
      // Each answer links to its thread on the mail site ("Open"), as the deal's threads do.
      const links = new Map<string, string | undefined>();
      for (const id of new Set(offered.map((a) => a.threadId))) {
        const t = await getThread(store, id);
        links.set(
          id,
          t ? openLinkOf({ provider: t.provider, threadId: t.threadId, ...t.mailbox }) : undefined,
        );
      }
      return offered.map((a) => ({ ...a, openUrl: links.get(a.threadId) }));
    },
    async 'questionnaire/settle'(input) {
      return settleAnswer(await services.store(), input);
    },
  };
}
