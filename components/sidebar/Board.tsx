import { useState } from 'preact/hooks';
import { PHASES, STEPS, type DealStatus } from '@/lib/pipeline';
import type { BoardColumn } from '@/lib/messages';
import { useAction, useApi, useQuery } from '../api';
import { ErrorState, Loading } from '../States';
import { formatMoney, useLocale, useT } from '../i18n';
import { FollowUpLine } from '../FollowUpLine';

/** Pure layout of the board: columns grouped by phase (kept apart for the render benchmark). */
export function BoardColumns({
  columns,
  onOpen,
  onMove,
}: {
  columns: BoardColumn[];
  onOpen(contactId: string): void;
  onMove?(dealId: string, version: number, direction: 'advance' | 'back'): void;
}) {
  const t = useT();
  const locale = useLocale();
  const byStep = new Map(columns.map((c) => [c.step, c]));
  return (
    <div class="board">
      {PHASES.map((phase) => (
        <section key={phase.id} class="board-phase" aria-label={phase.label[locale]}>
          <h3>{phase.label[locale]}</h3>
          {phase.steps.map((step) => {
            const column = byStep.get(step);
            if (!column) return null;
            return (
              <div key={step} class="board-column">
                <h4>
                  {STEPS[step].label[locale]} <span class="count">{column.count}</span>
                  {Object.entries(column.value).map(([cur, amount]) => (
                    <span key={cur} class="muted small">
                      {' '}
                      {formatMoney(amount, cur, locale)}
                    </span>
                  ))}
                </h4>
                <ul>
                  {column.items.slice(0, 200).map((item) => (
                    <li key={item.deal.id} class={`card ${item.next.overdue ? 'overdue' : ''}`}>
                      <button type="button" class="result" onClick={() => onOpen(item.contact.id)}>
                        <strong dir="auto">{item.contact.name || item.contact.emails[0]}</strong>
                        <span class="small" dir="auto">
                          {item.next.overdue ? `${t('overdue')}: ` : ''}
                          {item.next.text}
                        </span>
                        <FollowUpLine followUp={item.followUp} />
                      </button>
                      {onMove && (
                        <span class="moves">
                          <button
                            type="button"
                            aria-label={`${t('moveBack')}: ${item.deal.title}`}
                            onClick={() => onMove(item.deal.id, item.deal.version, 'back')}
                          >
                            ←
                          </button>
                          <button
                            type="button"
                            aria-label={`${t('moveForward')}: ${item.deal.title}`}
                            onClick={() => onMove(item.deal.id, item.deal.version, 'advance')}
                          >
                            →
                          </button>
                        </span>
                      )}
                    </li>
                  ))}
                  {column.items.length > 200 && <li class="muted small">+{column.items.length - 200}</li>}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

export function Board({ onOpen }: { onOpen(contactId: string): void }) {
  const { send } = useApi();
  const t = useT();
  const [statuses, setStatuses] = useState<DealStatus[]>(['open', 'won']);
  const [owner, setOwner] = useState<'mine' | 'team'>('team');
  // "Mine / team" only means something in a team pipeline.
  const sync = useQuery((s) => s('sync/status', {}), []);
  const team = !!sync.data?.configured;
  const board = useQuery(
    (s) => s('deals/board', team ? { statuses, owner } : { statuses }),
    [statuses.join(), team, owner],
  );
  const action = useAction();
  return (
    <div>
      <fieldset class="filters">
        <legend>{t('filter')}</legend>
        {(['open', 'won', 'lost'] as const).map((s) => (
          <label key={s} class="inline">
            <input
              type="checkbox"
              checked={statuses.includes(s)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = on ? [...statuses, s] : statuses.filter((x) => x !== s);
                if (next.length) setStatuses(next);
              }}
            />
            {t(`status_${s}`)}
          </label>
        ))}
      </fieldset>
      {team && (
        <fieldset class="filters">
          <legend>{t('owner')}</legend>
          {(['mine', 'team'] as const).map((o) => (
            <label key={o} class="inline">
              <input type="radio" name="owner" checked={owner === o} onChange={() => setOwner(o)} />
              {t(o === 'mine' ? 'dealsMine' : 'dealsTeam')}
            </label>
          ))}
        </fieldset>
      )}
      {action.error && <ErrorState error={action.error} />}
      {board.error && <ErrorState error={board.error} onRetry={board.reload} />}
      {board.loading && !board.data && <Loading />}
      {board.data && (
        <BoardColumns
          columns={board.data}
          onOpen={onOpen}
          onMove={(dealId, expectedVersion, direction) =>
            action.run(() => send('deals/transition', { dealId, expectedVersion, action: direction }))
          }
        />
      )}
    </div>
  );
}
