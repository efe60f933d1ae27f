import type { Deal } from '@/lib/pipeline';
import type { ThreadView } from '@/lib/messages';
import { followUpLabelKey } from '@/lib/threads/label';
import { useAction, useApi, useQuery } from '../api';
import { ErrorState } from '../States';
import { formatDate, useLocale, useT } from '../i18n';

/**
 * The contact's e-mail threads: subject, people, last message and who wrote it, the follow-up,
 * and "Open" (a link the background built from the provider and the thread id). Linked threads
 * can be unlinked; a thread with several open deals asks which one; with none, "Start deal".
 */
export function Threads({ contactId, deals, now }: { contactId: string; deals: Deal[]; now(): number }) {
  const { send } = useApi();
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  const query = useQuery((s) => s('threads/of-contact', { contactId }), [contactId]);
  const threads = query.data ?? [];
  const titleOf = (id: string) => deals.find((d) => d.id === id)?.title ?? id;
  const hasOpen = deals.some((d) => d.status === 'open');
  const link = (thread: ThreadView, dealId: string | null) =>
    action.run(() => send('threads/link', { threadId: thread.id, dealId }));
  return (
    <section class="threads" aria-label={t('threadsTitle')}>
      <h3>{t('threadsTitle')}</h3>
      {query.error && <ErrorState error={query.error} />}
      {action.error && <ErrorState error={action.error} />}
      {!query.loading && threads.length === 0 && <p class="muted small">{t('threadsNone')}</p>}
      <ul class="thread-list">
        {threads.map((thread) => {
          const label = followUpLabelKey(thread.followUp, now());
          return (
            <li key={thread.id} class="thread" data-thread={thread.id} data-deal={thread.dealId ?? ''}>
              <strong dir="auto">{thread.subject || t('threadNoSubject')}</strong>
              <span class="muted small" dir="auto">
                {thread.participants.map((p) => p.name || p.email).join(', ')}
              </span>
              <span class="small">
                {thread.lastAt !== undefined && formatDate(thread.lastAt, locale)}
                {thread.lastDirection &&
                  ` · ${t(thread.lastDirection === 'out' ? 'threadLastFromYou' : 'threadLastFromThem')}`}
                {thread.dealId && ` · ${titleOf(thread.dealId)}`}
              </span>
              {label && (
                <span class={`follow-up ${thread.followUp.state}`} data-follow-up={thread.followUp.state}>
                  {t(label)}
                  {thread.followUp.state !== 'none' &&
                    ` · ${t('followUpDueOn', { date: formatDate(thread.followUp.dueAt, locale) })}`}
                </span>
              )}
              <span class="row">
                {thread.openUrl && (
                  <a class="open-thread" href={thread.openUrl} target="_blank" rel="noopener noreferrer">
                    {t('threadOpen')}
                  </a>
                )}
                {thread.dealId && (
                  <button type="button" onClick={() => link(thread, null)}>
                    {t('threadUnlink')}
                  </button>
                )}
              </span>
              {!thread.dealId && thread.askDealIds && thread.askDealIds.length > 0 && (
                <span class="row" role="group" aria-label={t('threadAskDeal')}>
                  <span class="small">{t('threadAskDeal')}</span>
                  {thread.askDealIds.map((id) => (
                    <button key={id} type="button" onClick={() => link(thread, id)}>
                      {titleOf(id)}
                    </button>
                  ))}
                </span>
              )}
              {!thread.dealId && !thread.askDealIds?.length && !hasOpen && (
                <button
                  type="button"
                  class="primary"
                  onClick={() => action.run(() => send('deals/start', { contactId }))}
                >
                  {t('threadStartDeal')}
                </button>
              )}
              {!thread.dealId && !thread.askDealIds?.length && hasOpen && (
                <span class="row">
                  {deals
                    .filter((d) => d.status === 'open')
                    .map((d) => (
                      <button key={d.id} type="button" onClick={() => link(thread, d.id)}>
                        {t('threadLink')}: {d.title}
                      </button>
                    ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
