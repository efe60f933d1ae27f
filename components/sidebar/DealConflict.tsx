import type { Deal } from '@/lib/pipeline';
import { mergeDeals } from '@/lib/sync/merge';
import { useAction, useApi, useQuery } from '../api';
import { StageChip } from '../StageChip';
import { ErrorState } from '../States';
import { formatDate, formatMoney, useLocale, useT } from '../i18n';

/**
 * A deal changed on two machines: every version side by side; the rep keeps one or merges.
 * Shows nothing when there is no conflict (or no team sync).
 */
export function DealConflict({ dealId }: { dealId: string }) {
  const { send } = useApi();
  const t = useT();
  const locale = useLocale();
  const conflict = useQuery((s) => s('sync/conflict', { dealId }), [dealId]);
  const action = useAction();
  const data = conflict.data;
  if (!data) return null;
  const versions: { key: string; label: string; deal: Deal }[] = [
    { key: 'current', label: t('conflictCurrent'), deal: data.current },
    ...data.others.map((o, i) => ({
      key: o.rev,
      label: `${t('conflictOther')}${data.others.length > 1 ? ` ${i + 1}` : ''}`,
      deal: o.deal,
    })),
  ];
  const resolve = (deal: Deal) =>
    action.run(async () => {
      await send('sync/resolve', { dealId, deal: withoutDue(deal) });
      conflict.reload();
    });
  return (
    <div class="conflict" role="region" aria-label={t('conflictTitle')} data-conflict={dealId}>
      <p>
        <strong>{t('conflictTitle')}</strong>
      </p>
      {action.error && <ErrorState error={action.error} />}
      <ul>
        {versions.map(({ key, label, deal }) => (
          <li key={key} data-version={deal.version}>
            <p class="small">
              <strong>{label}</strong> · {formatDate(deal.updatedAt, locale)}
              {deal.owner ? ` · ${t('owner')}: ${deal.owner}` : ''}
            </p>
            <p dir="auto">
              {deal.title} <StageChip step={deal.step} status={deal.status} />
              {deal.value && ` ${formatMoney(deal.value.amount, deal.value.currency, locale)}`}
            </p>
            {deal.nextAction && (
              <p class="small" dir="auto">
                {deal.nextAction.text} ({formatDate(deal.nextAction.due, locale)})
              </p>
            )}
            {deal.needs.stated.length + deal.needs.unstated.length > 0 && (
              <p class="small" dir="auto">
                {[...deal.needs.stated, ...deal.needs.unstated].join(' · ')}
              </p>
            )}
            <button type="button" disabled={action.busy} onClick={() => void resolve(deal)}>
              {t('conflictKeep')}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        disabled={action.busy}
        title={t('conflictMergeHint')}
        onClick={() => void resolve(versions.map((v) => v.deal).reduce((a, b) => mergeDeals(a, b)))}
      >
        {t('conflictMerge')}
      </button>
      <p class="muted small">{t('conflictMergeHint')}</p>
    </div>
  );
}

/** The stored due date is derived; the background recomputes it. */
function withoutDue(deal: Deal): Deal {
  const { dueAt: _due, ...rest } = deal as Deal & { dueAt?: number };
  return rest;
}
