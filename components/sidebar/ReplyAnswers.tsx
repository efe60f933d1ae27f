import type { Deal } from '@/lib/pipeline';
import { useAction, useApi, useQuery } from '../api';
import { formatDate, useLocale, useT } from '../i18n';
import { SaveError } from './form';

/**
 * Answers read from the prospect's questionnaire reply, offered one by one: accepted as a (stated
 * or unstated) need of the deal, or dismissed. Each names its question and the reply it came from.
 */
export function ReplyAnswers({ deal, onReload }: { deal: Deal; onReload(): void }) {
  const { send } = useApi();
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  const offered = useQuery((s) => s('questionnaire/answers', { dealId: deal.id }), [deal.id]);
  const answers = offered.data ?? [];
  if (!answers.length) return null;
  const settle = (a: (typeof answers)[number], decision: 'accept' | 'dismiss', unstated?: boolean) =>
    action.run(() =>
      send('questionnaire/settle', {
        threadId: a.threadId,
        key: a.key,
        decision,
        dealId: deal.id,
        expectedVersion: deal.version,
        ...(unstated ? { unstated } : {}),
      }),
    );
  return (
    <section class="reply-answers" aria-labelledby={`answers-${deal.id}`}>
      <h4 id={`answers-${deal.id}`}>{t('replyAnswersTitle')}</h4>
      <SaveError error={action.error} what="conflict" onReload={() => (action.clear(), onReload())} />
      <ul>
        {answers.map((a) => (
          <li key={`${a.threadId}:${a.key}`} data-answer-key={a.key}>
            <p class="muted small" dir="auto">
              {t('answerOf', { question: a.question })}
            </p>
            <p class="answer" dir="auto">
              {a.answer}
            </p>
            <p class="muted small">
              {t('answerFrom', { date: formatDate(a.at, locale) })}{' '}
              {a.openUrl && (
                <a href={a.openUrl} target="_blank" rel="noreferrer">
                  {t('threadOpen')}
                </a>
              )}
            </p>
            <div class="actions wrap">
              <button
                type="button"
                class="primary"
                disabled={action.busy}
                onClick={() => settle(a, 'accept')}
              >
                {t('acceptAsNeed')}
              </button>
              <button type="button" disabled={action.busy} onClick={() => settle(a, 'accept', true)}>
                {t('acceptAsUnstated')}
              </button>
              <button type="button" disabled={action.busy} onClick={() => settle(a, 'dismiss')}>
                {t('dismissAnswer')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
