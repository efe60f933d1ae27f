import type { Locale, PhaseId, StepId, Translated } from './steps';

/**
 * The pipeline's names, apart from the rest of its definition (steps.ts, which takes them from
 * here): the content scripts' badges show a stage and need nothing else of the pipeline.
 */
export const PHASE_LABELS: Readonly<Record<PhaseId, Translated>> = {
  opportunity: { en: 'Opportunity development', de: 'Opportunity-Entwicklung' },
  needs: { en: 'Needs assessment', de: 'Bedarfsermittlung' },
  fulfilment: { en: 'Fulfilment', de: 'Erfüllung' },
  maintenance: { en: 'Account maintenance', de: 'Kontopflege' },
};

export const STEP_LABELS: Readonly<Record<StepId, Translated>> = {
  identify: { en: 'Identify', de: 'Identifizieren' },
  initiate: { en: 'Initiate contact', de: 'Kontakt einleiten' },
  discover: { en: 'Discover needs', de: 'Bedarf ermitteln' },
  scope: { en: 'Scope', de: 'Umfang festlegen' },
  propose: { en: 'Propose', de: 'Angebot' },
  evaluate: { en: 'Evaluate', de: 'Bewertung' },
  negotiate: { en: 'Negotiate', de: 'Verhandlung' },
  order: { en: 'Order and payment', de: 'Auftrag und Zahlung' },
  monitor: { en: 'Monitor', de: 'Betreuen' },
  nurture: { en: 'Nurture', de: 'Beziehung pflegen' },
};

/** The phase of each step (steps.ts's PHASES list them too; a test holds the two equal). */
export const STEP_PHASE: Readonly<Record<StepId, PhaseId>> = {
  identify: 'opportunity',
  initiate: 'opportunity',
  discover: 'needs',
  scope: 'needs',
  propose: 'fulfilment',
  evaluate: 'fulfilment',
  negotiate: 'fulfilment',
  order: 'fulfilment',
  monitor: 'maintenance',
  nurture: 'maintenance',
};

/** The step alone ("Initiate contact"): where a full stage label does not fit. */
export function stepLabel(step: StepId, locale: Locale = 'en'): string {
  return STEP_LABELS[step][locale];
}

/** "Needs assessment · Scope": how a stage reads on a chip. */
export function stageLabel(step: StepId, locale: Locale = 'en'): string {
  return `${PHASE_LABELS[STEP_PHASE[step]][locale]} · ${STEP_LABELS[step][locale]}`;
}
