import { recordFact } from '../pipeline/deal';
import { STEPS } from '../pipeline/steps';
import type { ReadAnswer } from '../templates/answers';
import { MAX_ANSWERS_READ, MAX_THREAD_ANSWERS } from '../threads/limits';
import { isCurrentFor, repWrite } from './deals';
import { asStoreError, conflict, StoreError } from './errors';
import { dbOf } from './internal';
import { STRICT, type Store } from './open';
import type { StoredDeal, ThreadAnswer, ThreadRecord } from './schema';

/** Whether a deal still wants questionnaire answers: open and in the needs-assessment phase. */
export const wantsAnswers = (deal: StoredDeal | undefined) =>
  !!deal && deal.status === 'open' && STEPS[deal.step].phase === 'needs';

/**
 * Which of the given messages of a thread the background wants to read for answers: incoming
 * messages of a thread linked to a deal in needs assessment, not read before. Nothing otherwise,
 * so no other mail's text leaves the page.
 */
export async function messagesWantingAnswers(
  store: Store,
  threadId: string,
  messageIds: readonly string[],
): Promise<string[]> {
  const db = dbOf(store);
  const thread = await db.get('threads', threadId);
  if (!thread?.dealId || !wantsAnswers(await db.get('deals', thread.dealId))) return [];
  const read = new Set(thread.answersRead ?? []);
  const incoming = new Set(thread.messages.filter((m) => m.direction === 'in').map((m) => m.id));
  return messageIds.filter((id) => incoming.has(id) && !read.has(id));
}

/** Stores the answers read from one incoming message as offers (each message once; bounded). */
export async function recordAnswers(
  store: Store,
  threadId: string,
  messageId: string,
  answers: readonly ReadAnswer[],
): Promise<ThreadAnswer[]> {
  try {
    const tx = dbOf(store).transaction('threads', 'readwrite', STRICT);
    const thread = await tx.store.get(threadId);
    const message = thread?.messages.find((m) => m.id === messageId && m.direction === 'in');
    if (!thread || !message) throw new StoreError('not-found', 'This message is not in a stored thread.');
    if (thread.answersRead?.includes(messageId)) return [];
    const existing = thread.answers ?? [];
    const added: ThreadAnswer[] = answers
      .map((a) => ({
        key: `${messageId}#${a.index}`,
        messageId,
        at: message.at,
        question: a.question,
        answer: a.answer,
        state: 'offered' as const,
      }))
      .filter((a) => !existing.some((e) => e.key === a.key));
    const next: ThreadRecord = {
      ...thread,
      answers: [...existing, ...added].slice(-MAX_THREAD_ANSWERS),
      answersRead: [...(thread.answersRead ?? []), messageId].slice(-MAX_ANSWERS_READ),
      updatedAt: store.now(),
      version: thread.version + 1,
    };
    await tx.store.put(next);
    await tx.done;
    store.emit({ store: 'threads', ids: [threadId], kind: 'put' });
    return added;
  } catch (error) {
    throw asStoreError(error);
  }
}

export interface OfferedAnswer extends ThreadAnswer {
  threadId: string;
}

/** The answers offered for a deal (not yet accepted or dismissed), oldest message first. */
export async function offeredAnswers(store: Store, dealId: string): Promise<OfferedAnswer[]> {
  const threads = await dbOf(store).getAllFromIndex('threads', 'byDeal', dealId);
  return threads
    .flatMap((t) =>
      (t.answers ?? []).filter((a) => a.state === 'offered').map((a) => ({ ...a, threadId: t.id })),
    )
    .sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/** The need an accepted answer becomes: the question, then the prospect's words. */
export const needOf = (a: Pick<ThreadAnswer, 'question' | 'answer'>) =>
  `${a.question.replace(/\s*\([^)]*\)\s*(?=[?:]?$)/, '')} — ${a.answer}`.replace(/\s+/g, ' ').slice(0, 2_000);

/**
 * The rep accepts an answer (as a stated or unstated need) or dismisses it, in one transaction
 * with the deal: a stale view of the deal gets a conflict, and the answer stays offered.
 */
export async function settleAnswer(
  store: Store,
  input: {
    threadId: string;
    key: string;
    decision: 'accept' | 'dismiss';
    dealId: string;
    expectedVersion: number;
    unstated?: boolean;
  },
): Promise<StoredDeal> {
  try {
    const tx = dbOf(store).transaction(['threads', 'deals'], 'readwrite', STRICT);
    const threads = tx.objectStore('threads');
    const deals = tx.objectStore('deals');
    const thread = await threads.get(input.threadId);
    const answer = thread?.answers?.find((a) => a.key === input.key);
    if (!thread || !answer || thread.dealId !== input.dealId)
      throw new StoreError('not-found', 'This answer is no longer offered for this deal.');
    const deal = await deals.get(input.dealId);
    if (!deal) throw new StoreError('not-found', 'This deal no longer exists.');
    if (answer.state !== 'offered') return deal;
    let result = deal;
    if (input.decision === 'accept') {
      if (!isCurrentFor(deal, input.expectedVersion)) throw conflict('deal', deal.id);
      const need = { kind: 'need' as const, need: needOf(answer), unstated: input.unstated };
      result = repWrite(recordFact(deal, need, store.now()), deal.version + 1);
      await deals.put(result);
    }
    const state = input.decision === 'accept' ? 'accepted' : 'dismissed';
    await threads.put({
      ...thread,
      answers: thread.answers!.map((a) => (a.key === input.key ? { ...a, state } : a)),
      updatedAt: store.now(),
      version: thread.version + 1,
    });
    await tx.done;
    store.emit({ store: 'threads', ids: [thread.id], kind: 'put' });
    if (result !== deal) store.emit({ store: 'deals', ids: [deal.id], kind: 'put' });
    return result;
  } catch (error) {
    throw asStoreError(error);
  }
}
