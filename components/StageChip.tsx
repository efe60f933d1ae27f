import { stageLabel, type StepId } from '@/lib/pipeline';
import type { DealStatus } from '@/lib/pipeline';
import { useLocale, useT } from './i18n';

/** "Needs assessment · Scope", with the deal's status when it is not open. */
export function StageChip({ step, status }: { step: StepId; status: DealStatus }) {
  const locale = useLocale();
  const t = useT();
  return (
    <span class={`stage stage-${status}`}>
      {stageLabel(step, locale)}
      {status !== 'open' && ` · ${t(`status_${status}`)}`}
    </span>
  );
}
