/**
 * The pipeline of DESIGN.md section 1, made from shared/seed/vertriebspipeline.de.txt.
 * Ids are stable: storage, CSV, the scan CLI and tests use them. Labels are translated, and
 * live in labels.ts: the in-page badges need them without the guidance texts.
 */
import { PHASE_LABELS, STEP_LABELS, STEP_PHASE } from './labels';

export { stageLabel, stepLabel } from './labels';
export type Locale = 'en' | 'de';
export type Translated = Record<Locale, string>;

export const PHASE_IDS = ['opportunity', 'needs', 'fulfilment', 'maintenance'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export const STEP_IDS = [
  'identify',
  'initiate',
  'discover',
  'scope',
  'propose',
  'evaluate',
  'negotiate',
  'order',
  'monitor',
  'nurture',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface PhaseDefinition {
  id: PhaseId;
  label: Translated;
  steps: readonly StepId[];
}

export interface StepDefinition {
  id: StepId;
  phase: PhaseId;
  label: Translated;
  guidance: Translated;
  /** What must be true before the deal may leave this step. */
  exitCriterion: Translated;
  /** Days from entering the step until its next step is due. */
  dueOffsetDays: number;
  /** Working days without a reply to the rep's last e-mail before a follow-up is due (default; options edit it). */
  followUpWorkingDays: number;
}

export const PHASES: readonly PhaseDefinition[] = [
  {
    id: 'opportunity',
    label: PHASE_LABELS.opportunity,
    steps: ['identify', 'initiate'],
  },
  { id: 'needs', label: PHASE_LABELS.needs, steps: ['discover', 'scope'] },
  {
    id: 'fulfilment',
    label: PHASE_LABELS.fulfilment,
    steps: ['propose', 'evaluate', 'negotiate', 'order'],
  },
  {
    id: 'maintenance',
    label: PHASE_LABELS.maintenance,
    steps: ['monitor', 'nurture'],
  },
];

export const STEPS: Readonly<Record<StepId, StepDefinition>> = {
  identify: {
    id: 'identify',
    phase: STEP_PHASE.identify,
    label: STEP_LABELS.identify,
    guidance: {
      en: 'Check the contact against your fit criteria; only a confirmed good fit becomes a lead.',
      de: 'Prüfen Sie den Kontakt gegen Ihre Kriterien; nur ein bestätigter guter Fit wird zum Lead.',
    },
    exitCriterion: { en: 'Fit confirmed', de: 'Fit bestätigt' },
    dueOffsetDays: 1,
    followUpWorkingDays: 3,
  },
  initiate: {
    id: 'initiate',
    phase: STEP_PHASE.initiate,
    label: STEP_LABELS.initiate,
    guidance: { en: 'Reach out for the first time.', de: 'Nehmen Sie den ersten Kontakt auf.' },
    exitCriterion: {
      en: 'First outreach logged (email, call, meeting)',
      de: 'Erste Kontaktaufnahme erfasst (E-Mail, Anruf, Termin)',
    },
    dueOffsetDays: 2,
    followUpWorkingDays: 3,
  },
  discover: {
    id: 'discover',
    phase: STEP_PHASE.discover,
    label: STEP_LABELS.discover,
    guidance: {
      en: 'Use a questionnaire or survey; record stated and unstated needs.',
      de: 'Fragebogen oder Umfrage nutzen; geäußerte und nicht geäußerte Bedürfnisse festhalten.',
    },
    exitCriterion: { en: 'At least one need recorded', de: 'Mindestens ein Bedarf erfasst' },
    dueOffsetDays: 5,
    followUpWorkingDays: 3,
  },
  scope: {
    id: 'scope',
    phase: STEP_PHASE.scope,
    label: STEP_LABELS.scope,
    guidance: {
      en: 'Draft a scope of work and review examples together.',
      de: 'Arbeitsumfang entwerfen und gemeinsam Beispiele ansehen.',
    },
    exitCriterion: {
      en: 'Needs agreed with the buyer (qualified buyer)',
      de: 'Bedarf mit dem Käufer vereinbart (qualifizierter Käufer)',
    },
    dueOffsetDays: 7,
    followUpWorkingDays: 3,
  },
  propose: {
    id: 'propose',
    phase: STEP_PHASE.propose,
    label: STEP_LABELS.propose,
    guidance: {
      en: 'Develop and present a solution that meets the agreed needs.',
      de: 'Eine Lösung entwickeln und vorstellen, die den vereinbarten Bedarf erfüllt.',
    },
    exitCriterion: { en: 'Proposal sent, with its value', de: 'Angebot mit Wert versendet' },
    dueOffsetDays: 7,
    followUpWorkingDays: 5,
  },
  evaluate: {
    id: 'evaluate',
    phase: STEP_PHASE.evaluate,
    label: STEP_LABELS.evaluate,
    guidance: { en: 'The buyer evaluates the offer.', de: 'Der Käufer bewertet das Angebot.' },
    exitCriterion: { en: 'Feedback received', de: 'Rückmeldung erhalten' },
    dueOffsetDays: 7,
    followUpWorkingDays: 5,
  },
  negotiate: {
    id: 'negotiate',
    phase: STEP_PHASE.negotiate,
    label: STEP_LABELS.negotiate,
    guidance: { en: 'Negotiate the terms.', de: 'Die Konditionen verhandeln.' },
    exitCriterion: { en: 'Terms agreed', de: 'Konditionen vereinbart' },
    dueOffsetDays: 5,
    followUpWorkingDays: 2,
  },
  order: {
    id: 'order',
    phase: STEP_PHASE.order,
    label: STEP_LABELS.order,
    guidance: { en: 'Order placed and paid: the deal is won.', de: 'Auftrag erteilt und bezahlt: gewonnen.' },
    exitCriterion: { en: 'Order placed and paid', de: 'Auftrag erteilt und bezahlt' },
    dueOffsetDays: 14,
    followUpWorkingDays: 3,
  },
  monitor: {
    id: 'monitor',
    phase: STEP_PHASE.monitor,
    label: STEP_LABELS.monitor,
    guidance: {
      en: 'Check in with the account regularly.',
      de: 'Regelmäßig beim Kunden nachfassen.',
    },
    exitCriterion: { en: 'A check-in logged in the cadence', de: 'Ein Check-in im Rhythmus erfasst' },
    dueOffsetDays: 30,
    followUpWorkingDays: 10,
  },
  nurture: {
    id: 'nurture',
    phase: STEP_PHASE.nurture,
    label: STEP_LABELS.nurture,
    guidance: {
      en: 'Build a lasting relationship; ask for referrals and repeat business.',
      de: 'Eine dauerhafte Beziehung aufbauen; nach Empfehlungen und Folgeaufträgen fragen.',
    },
    exitCriterion: {
      en: 'A referral or a repeat order restarts the pipeline',
      de: 'Eine Empfehlung oder ein Folgeauftrag startet die Pipeline neu',
    },
    dueOffsetDays: 60,
    followUpWorkingDays: 20,
  },
};

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function isPhaseId(value: unknown): value is PhaseId {
  return typeof value === 'string' && (PHASE_IDS as readonly string[]).includes(value);
}

export function stepIndex(step: StepId): number {
  return STEP_IDS.indexOf(step);
}

export function phaseOf(step: StepId): PhaseDefinition {
  const phase = PHASES.find((p) => p.id === STEPS[step].phase);
  if (!phase) throw new Error(`step ${step} has no phase`);
  return phase;
}
