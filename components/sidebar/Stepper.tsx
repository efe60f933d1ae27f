import { PHASES, STEPS, stepIndex, type Deal } from '@/lib/pipeline';
import { useLocale, useT } from '../i18n';

/** The four phases and their steps: done, current, ahead. */
export function Stepper({ deal }: { deal: Pick<Deal, 'step' | 'status'> }) {
  const locale = useLocale();
  const t = useT();
  const current = stepIndex(deal.step);
  return (
    <ol class="stepper" aria-label={t('pipelineLabel')}>
      {PHASES.map((phase) => (
        <li key={phase.id} class="phase">
          <span class="phase-label">{phase.label[locale]}</span>
          <ol>
            {phase.steps.map((step) => {
              const i = stepIndex(step);
              const state = i < current ? 'done' : i === current ? 'current' : 'ahead';
              return (
                <li
                  key={step}
                  class={`step ${state} ${state === 'current' ? deal.status : ''}`}
                  aria-current={state === 'current' ? 'step' : undefined}
                >
                  <span class="visually-hidden">{state}: </span>
                  {STEPS[step].label[locale]}
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
