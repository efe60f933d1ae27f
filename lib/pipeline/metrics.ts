import type { Deal } from './deal';
import { STEP_IDS, STEPS, PHASE_IDS, stepIndex, type PhaseId, type StepId } from './steps';

export interface StepMetrics {
  step: StepId;
  entered: number;
  /** Deals that went on from this step to a later one. */
  progressed: number;
  conversion: number | null;
  medianTimeInStepMs: number | null;
}

export interface PipelineMetrics {
  steps: StepMetrics[];
  won: number;
  lost: number;
  open: number;
  winRate: number | null;
  medianCycleTimeMs: number | null;
  openValueByPhase: Record<PhaseId, Record<string, number>>;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Metrics over the deals created in [from, to). Histories are the source of truth. */
export function pipelineMetrics(
  deals: Iterable<Deal>,
  period: { from?: number; to?: number } = {},
): PipelineMetrics {
  const from = period.from ?? -Infinity;
  const to = period.to ?? Infinity;
  const entered = new Map<StepId, Set<string>>();
  const progressed = new Map<StepId, Set<string>>();
  const durations = new Map<StepId, number[]>();
  for (const step of STEP_IDS) {
    entered.set(step, new Set());
    progressed.set(step, new Set());
    durations.set(step, []);
  }
  const cycleTimes: number[] = [];
  const openValueByPhase = Object.fromEntries(PHASE_IDS.map((p) => [p, {}])) as Record<
    PhaseId,
    Record<string, number>
  >;
  let won = 0;
  let lost = 0;
  let open = 0;

  for (const deal of deals) {
    if (deal.createdAt < from || deal.createdAt >= to) continue;
    const history = deal.history;
    let wonAt: number | undefined;
    for (let i = 0; i < history.length; i++) {
      const entry = history[i]!;
      if (entry.kind === 'won' && wonAt === undefined) wonAt = entry.at;
      if (entry.from !== entry.to || entry.kind === 'start') entered.get(entry.to)!.add(deal.id);
      if (entry.from && entry.from !== entry.to && stepIndex(entry.to) > stepIndex(entry.from)) {
        progressed.get(entry.from)!.add(deal.id);
      }
      // Time in step: from entering a step to the next move away from it.
      if (entry.from !== entry.to || entry.kind === 'start') {
        const leave = history.slice(i + 1).find((e) => e.from === entry.to && e.to !== entry.to);
        if (leave) durations.get(entry.to)!.push(leave.at - entry.at);
      }
    }
    if (deal.status === 'won' || wonAt !== undefined) {
      won++;
      if (wonAt !== undefined) cycleTimes.push(wonAt - deal.createdAt);
    } else if (deal.status === 'lost') lost++;
    else {
      open++;
      if (deal.value) {
        const bucket = openValueByPhase[STEPS[deal.step].phase];
        bucket[deal.value.currency] = (bucket[deal.value.currency] ?? 0) + deal.value.amount;
      }
    }
  }

  const steps = STEP_IDS.map((step): StepMetrics => {
    const e = entered.get(step)!.size;
    const p = progressed.get(step)!.size;
    return {
      step,
      entered: e,
      progressed: p,
      conversion: e === 0 || step === 'nurture' ? null : p / e,
      medianTimeInStepMs: median(durations.get(step)!),
    };
  });
  return {
    steps,
    won,
    lost,
    open,
    winRate: won + lost === 0 ? null : won / (won + lost),
    medianCycleTimeMs: median(cycleTimes),
    openValueByPhase,
  };
}
