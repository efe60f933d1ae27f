import type { Send } from '@/lib/messages';
import { learnAnswers, takeQuestions } from '@/lib/contacts/checks-remote';
import { MAX_QUESTIONS } from '@/lib/contacts/check-limits';
import { forgetCheckedAnswers } from '@/lib/contacts/email';
import { retryDelay } from './lifeline';

/**
 * Asks the background what a run of detection lacked (lib/contacts/checks-remote.ts), in
 * messages of at most MAX_QUESTIONS of each kind. A background that does not answer (restarting)
 * is asked again after a pause; after the last try the run reads the rest as invalid.
 */
export function createAsker(send: Send, isDead: () => boolean = () => false, tries = 3) {
  return async () => {
    for (let q = takeQuestions(MAX_QUESTIONS); q; q = takeQuestions(MAX_QUESTIONS)) {
      const questions = q;
      for (let attempt = 0; ; attempt++) {
        try {
          learnAnswers(questions, await send('page/checks', questions));
          break;
        } catch {
          const delay = retryDelay(attempt, 250);
          if (isDead() || attempt + 1 >= tries || delay === undefined) break;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    }
    // Addresses read while answers were missing were remembered as invalid: forget them.
    forgetCheckedAnswers();
  };
}
