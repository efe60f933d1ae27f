import type { Deal } from './deal';
import { exitCriterionMet } from './deal';
import { STEPS, type Locale, type StepId } from './steps';

const DAY = 86_400_000;

const ACTIONS: Record<StepId, Record<Locale, (name: string) => string>> = {
  identify: { en: (n) => `Confirm that ${n} is a good fit`, de: (n) => `Prüfen, ob ${n} gut passt` },
  initiate: {
    en: (n) => `Log your first outreach to ${n}`,
    de: (n) => `Erste Kontaktaufnahme mit ${n} erfassen`,
  },
  discover: { en: (n) => `Record ${n}'s needs`, de: (n) => `Bedarf von ${n} erfassen` },
  scope: { en: (n) => `Agree the needs with ${n}`, de: (n) => `Bedarf mit ${n} vereinbaren` },
  propose: {
    en: (n) => `Send ${n} a proposal with its value`,
    de: (n) => `${n} ein Angebot mit Wert senden`,
  },
  evaluate: {
    en: (n) => `Get ${n}'s feedback on the offer`,
    de: (n) => `Rückmeldung von ${n} zum Angebot einholen`,
  },
  negotiate: { en: (n) => `Agree terms with ${n}`, de: (n) => `Konditionen mit ${n} vereinbaren` },
  order: {
    en: (n) => `Confirm ${n}'s order and payment`,
    de: (n) => `Auftrag und Zahlung von ${n} bestätigen`,
  },
  monitor: { en: (n) => `Check in with ${n}`, de: (n) => `Bei ${n} nachfassen` },
  nurture: {
    en: (n) => `Ask ${n} for a referral or a repeat order`,
    de: (n) => `${n} um eine Empfehlung oder einen Folgeauftrag bitten`,
  },
};

const ADVANCE: Record<Locale, (step: string) => string> = {
  en: (step) => `Done with ${step}: advance the deal`,
  de: (step) => `${step} erledigt: Deal weiterschieben`,
};

export interface NextStep {
  text: string;
  due: number;
  overdue: boolean;
  /** `scheduled`: the rep's own next action; `criterion`: derived from the step. */
  source: 'scheduled' | 'criterion';
}

/** When the current step's default next step falls due. */
export function defaultDue(deal: Deal): number {
  if (deal.step === 'monitor') {
    const base = Math.max(deal.facts.lastCheckInAt ?? 0, deal.stepEnteredAt);
    return base + deal.facts.checkInCadenceDays * DAY;
  }
  return deal.stepEnteredAt + STEPS[deal.step].dueOffsetDays * DAY;
}

/** When the deal's next step falls due, or undefined for a lost deal. */
export function nextDue(deal: Deal): number | undefined {
  if (deal.status === 'lost') return undefined;
  return deal.nextAction?.due ?? defaultDue(deal);
}

/**
 * The next step shown everywhere: the scheduled next action if set, else the first unmet exit
 * criterion of the current step phrased as an action. Null for lost deals.
 */
export function nextStep(
  deal: Deal,
  now: number,
  contactName: string,
  locale: Locale = 'en',
): NextStep | null {
  if (deal.status === 'lost') return null;
  const name = contactName.trim() || (locale === 'de' ? 'dem Kontakt' : 'the contact');
  if (deal.nextAction) {
    return {
      text: deal.nextAction.text,
      due: deal.nextAction.due,
      overdue: deal.nextAction.due < now,
      source: 'scheduled',
    };
  }
  const due = defaultDue(deal);
  const text =
    exitCriterionMet(deal, now) && deal.step !== 'monitor'
      ? ADVANCE[locale](STEPS[deal.step].label[locale])
      : ACTIONS[deal.step][locale](name);
  return { text, due, overdue: due < now, source: 'criterion' };
}
