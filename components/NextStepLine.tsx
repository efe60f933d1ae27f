import type { NextStep } from '@/lib/pipeline';
import { formatDate, useLocale, useT } from './i18n';

export function NextStepLine({ next }: { next: NextStep }) {
  const locale = useLocale();
  const t = useT();
  return (
    <p class={`next ${next.overdue ? 'overdue' : ''}`}>
      <span class="next-text">{next.text}</span>{' '}
      <span class="next-due">
        {next.overdue ? t('overdue') : t('dueOn')} {formatDate(next.due, locale)}
      </span>
    </p>
  );
}
