import { isStepId, STEP_IDS, STEPS, stepIndex, type PhaseId, type StepId } from './steps';

export type DealStatus = 'open' | 'won' | 'lost';
export type OriginKind = 'referral' | 'repeat';
export type TransitionKind = 'start' | 'advance' | 'back' | 'won' | 'lost' | 'reopen' | 'restart';

export interface HistoryEntry {
  at: number;
  from: StepId | null;
  to: StepId;
  kind: TransitionKind;
  status: DealStatus;
  note?: string;
  /** Set when the rep advanced although the exit criterion was not met. */
  override?: boolean;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface Needs {
  stated: string[];
  unstated: string[];
  agreed: boolean;
}

/** The recorded facts that exit criteria are checked against. */
export interface DealFacts {
  fitConfirmed: boolean;
  outreachAt?: number;
  proposalSentAt?: number;
  feedbackAt?: number;
  termsAgreedAt?: number;
  paidAt?: number;
  lastCheckInAt?: number;
  checkInCadenceDays: number;
}

export interface NextAction {
  text: string;
  due: number;
}

export interface Deal {
  id: string;
  contactId: string;
  title: string;
  phase: PhaseId;
  step: StepId;
  status: DealStatus;
  value?: Money;
  needs: Needs;
  facts: DealFacts;
  nextAction?: NextAction;
  history: HistoryEntry[];
  /** When the deal entered its current step: the base of its default due date. */
  stepEnteredAt: number;
  lostReason?: string;
  origin?: { dealId: string; kind: OriginKind };
  /** Deals this one restarted the pipeline with. */
  restarts: { dealId: string; kind: OriginKind; at: number }[];
  /** The rep who owns the deal in a team pipeline (their sync user); unset for a rep alone. */
  owner?: string;
  /**
   * Set when the versions after it came only from mail reads (an outreach fact from a sent
   * message), not from the rep: a view still at this version may write (the mail's change is kept).
   */
  repVersion?: number;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export type PipelineErrorCode =
  | 'unknown-step'
  | 'deal-closed'
  | 'deal-not-lost'
  | 'exit-criterion-unmet'
  | 'no-previous-step'
  | 'not-at-nurture'
  | 'use-restart'
  | 'invalid-input';

export class PipelineError extends Error {
  constructor(
    readonly code: PipelineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PipelineError';
  }
}

export const DISQUALIFIED = 'disqualified';
export const DEFAULT_CHECK_IN_CADENCE_DAYS = 30;
const DAY = 86_400_000;

function clampTime(deal: Deal, now: number): number {
  // A clock that went backwards must not make history run backwards.
  const last = deal.history.at(-1)?.at ?? deal.createdAt;
  return Math.max(now, last);
}

function assertStep(step: unknown): asserts step is StepId {
  if (!isStepId(step)) throw new PipelineError('unknown-step', `Unknown pipeline step: ${String(step)}`);
}

function assertOpen(deal: Deal) {
  assertStep(deal.step);
  if (deal.status === 'lost') {
    throw new PipelineError('deal-closed', 'This deal is lost; reopen it before moving it.');
  }
}

function moved(deal: Deal, to: StepId, at: number, entry: Omit<HistoryEntry, 'at' | 'from' | 'to'>): Deal {
  return {
    ...deal,
    step: to,
    phase: STEPS[to].phase,
    status: entry.status,
    stepEnteredAt: to === deal.step ? deal.stepEnteredAt : at,
    // A scheduled action belongs to the step it was set for.
    nextAction: to === deal.step ? deal.nextAction : undefined,
    history: [...deal.history, { at, from: deal.step, to, ...entry }],
    updatedAt: at,
  };
}

export interface StartDealInput {
  id: string;
  contactId: string;
  title: string;
  now: number;
  fitConfirmed?: boolean;
  origin?: { dealId: string; kind: OriginKind };
  owner?: string;
}

/** A new deal: at `identify`, or straight at `initiate` when the fit is already confirmed. */
export function startDeal(input: StartDealInput): Deal {
  const title = input.title.trim();
  if (!title) throw new PipelineError('invalid-input', 'A deal needs a title.');
  const fitConfirmed = input.fitConfirmed ?? false;
  const step: StepId = fitConfirmed && !input.origin ? 'initiate' : 'identify';
  const history: HistoryEntry[] = [
    { at: input.now, from: null, to: 'identify', kind: 'start', status: 'open' },
  ];
  if (step === 'initiate') {
    history.push({ at: input.now, from: 'identify', to: 'initiate', kind: 'advance', status: 'open' });
  }
  return {
    id: input.id,
    contactId: input.contactId,
    title,
    phase: STEPS[step].phase,
    step,
    status: 'open',
    needs: { stated: [], unstated: [], agreed: false },
    facts: { fitConfirmed, checkInCadenceDays: DEFAULT_CHECK_IN_CADENCE_DAYS },
    history,
    stepEnteredAt: input.now,
    origin: input.origin,
    restarts: [],
    ...(input.owner ? { owner: input.owner } : {}),
    createdAt: input.now,
    updatedAt: input.now,
    version: 1,
  };
}

/** Whether the current step's exit criterion is met, from the recorded facts. */
export function exitCriterionMet(deal: Deal, now: number): boolean {
  const { facts, needs } = deal;
  switch (deal.step) {
    case 'identify':
      return facts.fitConfirmed;
    case 'initiate':
      return facts.outreachAt !== undefined;
    case 'discover':
      return needs.stated.length + needs.unstated.length > 0;
    case 'scope':
      return needs.agreed;
    case 'propose':
      return facts.proposalSentAt !== undefined && deal.value !== undefined;
    case 'evaluate':
      return facts.feedbackAt !== undefined;
    case 'negotiate':
      return facts.termsAgreedAt !== undefined;
    case 'order':
      return facts.paidAt !== undefined;
    case 'monitor':
      return (
        facts.lastCheckInAt !== undefined &&
        facts.lastCheckInAt >= deal.stepEnteredAt &&
        now - facts.lastCheckInAt <= facts.checkInCadenceDays * DAY
      );
    case 'nurture':
      return false;
  }
}

/**
 * Moves the deal one step on. At `order` this wins the deal, which then continues into
 * `maintenance`. Without a met exit criterion it needs an override note.
 */
export function advance(deal: Deal, now: number, options: { override?: string } = {}): Deal {
  assertOpen(deal);
  if (deal.step === 'nurture') {
    throw new PipelineError(
      'use-restart',
      'From nurture, a referral or a repeat order restarts the pipeline.',
    );
  }
  const at = clampTime(deal, now);
  const met = exitCriterionMet(deal, at);
  const note = options.override?.trim();
  if (!met && !note) {
    throw new PipelineError(
      'exit-criterion-unmet',
      `Not yet done: ${STEPS[deal.step].exitCriterion.en}. Add a note to advance anyway.`,
    );
  }
  const to = STEP_IDS[stepIndex(deal.step) + 1] as StepId;
  const winning = deal.step === 'order';
  const next = moved(deal, to, at, {
    kind: winning ? 'won' : 'advance',
    status: winning ? 'won' : deal.status,
    ...(note ? { note } : {}),
    ...(!met ? { override: true } : {}),
  });
  if (deal.step === 'identify' && !deal.facts.fitConfirmed) {
    return { ...next, facts: { ...next.facts, fitConfirmed: true } };
  }
  return next;
}

/**
 * Moves the deal one step back. An open deal can go back to `identify`; a won deal stays in
 * account maintenance (winning is undone only by reopening history, not by a step back).
 */
export function moveBack(deal: Deal, now: number, note?: string): Deal {
  assertOpen(deal);
  const index = stepIndex(deal.step);
  const floor = deal.status === 'won' ? stepIndex('monitor') : 0;
  if (index <= floor) throw new PipelineError('no-previous-step', 'There is no earlier step to go back to.');
  const to = STEP_IDS[index - 1] as StepId;
  return moved(deal, to, clampTime(deal, now), {
    kind: 'back',
    status: deal.status,
    ...(note?.trim() ? { note: note.trim() } : {}),
  });
}

/** Marks an open deal lost. At `identify` the reason is always `disqualified`. */
export function markLost(deal: Deal, now: number, reason: string): Deal {
  assertOpen(deal);
  if (deal.status === 'won') throw new PipelineError('deal-closed', 'A won deal cannot be lost.');
  const lostReason = deal.step === 'identify' ? DISQUALIFIED : reason.trim();
  if (!lostReason) throw new PipelineError('invalid-input', 'Say why the deal was lost.');
  const next = moved(deal, deal.step, clampTime(deal, now), {
    kind: 'lost',
    status: 'lost',
    note: lostReason,
  });
  return { ...next, lostReason };
}

export function reopen(deal: Deal, now: number, note?: string): Deal {
  assertStep(deal.step);
  if (deal.status !== 'lost') throw new PipelineError('deal-not-lost', 'Only a lost deal can be reopened.');
  const at = clampTime(deal, now);
  const next = moved(deal, deal.step, at, {
    kind: 'reopen',
    status: 'open',
    ...(note?.trim() ? { note: note.trim() } : {}),
  });
  return { ...next, lostReason: undefined, stepEnteredAt: at };
}

export interface RestartInput {
  kind: OriginKind;
  newDealId: string;
  /** The referred contact for a referral; the same contact for a repeat order. */
  contactId?: string;
  title?: string;
  now: number;
}

/**
 * From `nurture`: a referral (a new contact) or a repeat order (the same contact) opens a new
 * deal at `identify`, linked to this one. Returns both deals.
 */
export function restart(deal: Deal, input: RestartInput): { origin: Deal; started: Deal } {
  assertOpen(deal);
  if (deal.step !== 'nurture') {
    throw new PipelineError('not-at-nurture', 'Only a deal in nurture can restart the pipeline.');
  }
  const contactId = input.kind === 'repeat' ? deal.contactId : input.contactId;
  if (!contactId) throw new PipelineError('invalid-input', 'A referral needs the referred contact.');
  if (input.kind === 'referral' && contactId === deal.contactId) {
    throw new PipelineError('invalid-input', 'A referral is a new contact; use a repeat order instead.');
  }
  const at = clampTime(deal, input.now);
  const started = startDeal({
    id: input.newDealId,
    contactId,
    title: input.title?.trim() || `${deal.title} (${input.kind === 'repeat' ? 'repeat order' : 'referral'})`,
    now: at,
    // A repeat order comes from a known customer: the fit is already confirmed.
    fitConfirmed: input.kind === 'repeat',
    origin: { dealId: deal.id, kind: input.kind },
    owner: deal.owner,
  });
  const origin: Deal = {
    ...deal,
    restarts: [...deal.restarts, { dealId: started.id, kind: input.kind, at }],
    history: [
      ...deal.history,
      { at, from: 'nurture', to: 'nurture', kind: 'restart', status: deal.status, note: input.kind },
    ],
    updatedAt: at,
  };
  return { origin, started };
}

export type DealFact =
  | { kind: 'fit-confirmed' }
  | { kind: 'outreach' }
  | { kind: 'need'; need: string; unstated?: boolean }
  | { kind: 'needs-agreed'; agreed: boolean }
  | { kind: 'proposal-sent'; value: Money }
  | { kind: 'feedback' }
  | { kind: 'terms-agreed' }
  | { kind: 'paid' }
  | { kind: 'check-in' }
  | { kind: 'cadence'; days: number };

/** Records something that happened; exit criteria read these facts. */
export function recordFact(deal: Deal, fact: DealFact, now: number): Deal {
  const at = clampTime(deal, now);
  const facts = { ...deal.facts };
  let { needs, value } = deal;
  switch (fact.kind) {
    case 'fit-confirmed':
      facts.fitConfirmed = true;
      break;
    case 'outreach':
      facts.outreachAt ??= at;
      break;
    case 'need': {
      const need = fact.need.trim();
      if (!need) throw new PipelineError('invalid-input', 'A need cannot be empty.');
      needs = fact.unstated
        ? { ...needs, unstated: [...needs.unstated, need] }
        : { ...needs, stated: [...needs.stated, need] };
      break;
    }
    case 'needs-agreed':
      if (fact.agreed && needs.stated.length + needs.unstated.length === 0) {
        throw new PipelineError('invalid-input', 'Record at least one need before agreeing on them.');
      }
      needs = { ...needs, agreed: fact.agreed };
      break;
    case 'proposal-sent':
      if (!Number.isFinite(fact.value.amount) || fact.value.amount < 0) {
        throw new PipelineError('invalid-input', 'A proposal value is a positive amount.');
      }
      if (!/^[A-Z]{3}$/.test(fact.value.currency)) {
        throw new PipelineError('invalid-input', 'A currency is a three-letter ISO code such as EUR.');
      }
      value = { amount: fact.value.amount, currency: fact.value.currency };
      facts.proposalSentAt = at;
      break;
    case 'feedback':
      facts.feedbackAt = at;
      break;
    case 'terms-agreed':
      facts.termsAgreedAt = at;
      break;
    case 'paid':
      facts.paidAt = at;
      break;
    case 'check-in':
      facts.lastCheckInAt = at;
      break;
    case 'cadence':
      if (!Number.isInteger(fact.days) || fact.days < 1 || fact.days > 365) {
        throw new PipelineError('invalid-input', 'A check-in cadence is 1 to 365 days.');
      }
      facts.checkInCadenceDays = fact.days;
      break;
  }
  return { ...deal, facts, needs, value, updatedAt: at };
}

export function scheduleNextAction(deal: Deal, action: NextAction | undefined, now: number): Deal {
  if (action && !action.text.trim()) throw new PipelineError('invalid-input', 'A next action needs a text.');
  if (action && !Number.isFinite(action.due))
    throw new PipelineError('invalid-input', 'A due date is required.');
  return {
    ...deal,
    nextAction: action ? { text: action.text.trim(), due: action.due } : undefined,
    updatedAt: clampTime(deal, now),
  };
}
