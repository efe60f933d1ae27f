import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  advance,
  markLost,
  moveBack,
  PipelineError,
  recordFact,
  reopen,
  restart,
  startDeal,
  type Deal,
} from './deal';
import { STEP_IDS, STEPS, PHASES, stageLabel, stepIndex } from './steps';

const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;
const fresh = (fitConfirmed = false) =>
  startDeal({ id: 'd1', contactId: 'c1', title: 'Acme conveyors', now: T0, fitConfirmed });

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof PipelineError ? error.code : 'other';
  }
  return undefined;
}

describe('pipeline definition', () => {
  test('four phases, ten steps, in the order of the seed text', () => {
    expect(PHASES.map((p) => p.id)).toEqual(['opportunity', 'needs', 'fulfilment', 'maintenance']);
    expect(PHASES.flatMap((p) => p.steps)).toEqual([...STEP_IDS]);
    for (const step of STEP_IDS) {
      expect(STEPS[step].label.de).not.toBe('');
      expect(STEPS[step].dueOffsetDays).toBeGreaterThan(0);
    }
    expect(STEPS.initiate.dueOffsetDays).toBe(2);
    expect(stageLabel('scope')).toBe('Needs assessment · Scope');
    expect(stageLabel('scope', 'de')).toBe('Bedarfsermittlung · Umfang festlegen');
  });
});

describe('deal state machine', () => {
  test('a deal starts at identify, or at initiate when the fit is confirmed', () => {
    expect(fresh().step).toBe('identify');
    const confirmed = fresh(true);
    expect(confirmed.step).toBe('initiate');
    expect(confirmed.history.map((h) => h.to)).toEqual(['identify', 'initiate']);
  });

  test('advancing checks the exit criterion; an override needs a note and is recorded', () => {
    const deal = fresh(true);
    expect(errorCode(() => advance(deal, T0 + HOUR))).toBe('exit-criterion-unmet');
    const overridden = advance(deal, T0 + HOUR, { override: 'Met at the trade fair' });
    expect(overridden.step).toBe('discover');
    expect(overridden.history.at(-1)).toMatchObject({ override: true, note: 'Met at the trade fair' });
    const logged = advance(recordFact(deal, { kind: 'outreach' }, T0 + HOUR), T0 + 2 * HOUR);
    expect(logged.step).toBe('discover');
    expect(logged.phase).toBe('needs');
    expect(logged.history.at(-1)?.override).toBeUndefined();
  });

  test('the full path: won at order, on into maintenance, restart from nurture', () => {
    let d: Deal = fresh(true);
    let t = T0;
    const step = (fn: (deal: Deal, now: number) => Deal) => (d = fn(d, (t += HOUR)));
    step((x, n) => recordFact(x, { kind: 'outreach' }, n));
    step(advance);
    step((x, n) => recordFact(x, { kind: 'need', need: 'Faster line changeover' }, n));
    step(advance);
    step((x, n) => recordFact(x, { kind: 'needs-agreed', agreed: true }, n));
    step(advance);
    step((x, n) => recordFact(x, { kind: 'proposal-sent', value: { amount: 48_000, currency: 'EUR' } }, n));
    step(advance);
    step((x, n) => recordFact(x, { kind: 'feedback' }, n));
    step(advance);
    step((x, n) => recordFact(x, { kind: 'terms-agreed' }, n));
    step(advance);
    expect(d.step).toBe('order');
    expect(d.status).toBe('open');
    step((x, n) => recordFact(x, { kind: 'paid' }, n));
    step(advance);
    expect(d).toMatchObject({ status: 'won', step: 'monitor', phase: 'maintenance' });
    step((x, n) => recordFact(x, { kind: 'check-in' }, n));
    step(advance);
    expect(d.step).toBe('nurture');
    expect(errorCode(() => advance(d, t + 1))).toBe('use-restart');
    const { origin, started } = restart(d, {
      kind: 'referral',
      newDealId: 'd2',
      contactId: 'c2',
      now: t + 1,
    });
    expect(started).toMatchObject({
      step: 'identify',
      contactId: 'c2',
      origin: { dealId: 'd1', kind: 'referral' },
    });
    expect(origin.restarts).toEqual([{ dealId: 'd2', kind: 'referral', at: t + 1 }]);
    const repeat = restart(origin, { kind: 'repeat', newDealId: 'd3', now: t + 2 }).started;
    expect(repeat).toMatchObject({ contactId: 'c1', step: 'identify', facts: { fitConfirmed: true } });
  });

  test('lost at identify is disqualified; lost deals move nowhere until reopened', () => {
    const lost = markLost(fresh(), T0 + HOUR, 'too small');
    expect(lost.lostReason).toBe('disqualified');
    expect(errorCode(() => advance(lost, T0 + 2 * HOUR, { override: 'x' }))).toBe('deal-closed');
    expect(errorCode(() => moveBack(lost, T0 + 2 * HOUR))).toBe('deal-closed');
    const reopened = reopen(lost, T0 + 3 * HOUR);
    expect(reopened.status).toBe('open');
    expect(reopened.lostReason).toBeUndefined();
    expect(errorCode(() => reopen(reopened, T0 + 4 * HOUR))).toBe('deal-not-lost');
  });

  test('moving back is allowed, but not before identify nor out of maintenance once won', () => {
    expect(errorCode(() => moveBack(fresh(), T0 + 1))).toBe('no-previous-step');
    expect(moveBack(fresh(true), T0 + 1).step).toBe('identify');
  });

  test('unknown step ids are refused with a clear error', () => {
    const corrupt = { ...fresh(), step: 'closing' } as unknown as Deal;
    expect(errorCode(() => advance(corrupt, T0 + 1))).toBe('unknown-step');
  });

  test('a clock that runs backwards never makes history run backwards', () => {
    const deal = advance(fresh(true), T0 - 10 * HOUR, { override: 'clock skew' });
    const times = deal.history.map((h) => h.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('a referral must be a new contact; bad facts are refused', () => {
    const deal = fresh(true);
    expect(
      errorCode(() =>
        recordFact(deal, { kind: 'proposal-sent', value: { amount: 5, currency: 'euro' } }, T0),
      ),
    ).toBe('invalid-input');
    expect(errorCode(() => recordFact(deal, { kind: 'needs-agreed', agreed: true }, T0))).toBe(
      'invalid-input',
    );
    expect(errorCode(() => recordFact(deal, { kind: 'need', need: '   ' }, T0))).toBe('invalid-input');
  });
});

type Op =
  | { op: 'advance'; override: boolean }
  | { op: 'back' }
  | { op: 'lose' }
  | { op: 'reopen' }
  | { op: 'restart'; kind: 'referral' | 'repeat' }
  | { op: 'fact'; fact: Parameters<typeof recordFact>[1] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('advance' as const), override: fc.boolean() }),
  fc.constant({ op: 'back' as const }),
  fc.constant({ op: 'lose' as const }),
  fc.constant({ op: 'reopen' as const }),
  fc.record({
    op: fc.constant('restart' as const),
    kind: fc.constantFrom('referral' as const, 'repeat' as const),
  }),
  fc.constantFrom<Op>(
    { op: 'fact', fact: { kind: 'outreach' } },
    { op: 'fact', fact: { kind: 'need', need: 'n' } },
    { op: 'fact', fact: { kind: 'needs-agreed', agreed: true } },
    { op: 'fact', fact: { kind: 'proposal-sent', value: { amount: 10, currency: 'EUR' } } },
    { op: 'fact', fact: { kind: 'feedback' } },
    { op: 'fact', fact: { kind: 'terms-agreed' } },
    { op: 'fact', fact: { kind: 'paid' } },
    { op: 'fact', fact: { kind: 'check-in' } },
  ),
);

function apply(deal: Deal, op: Op, now: number): Deal {
  switch (op.op) {
    case 'advance':
      return advance(deal, now, op.override ? { override: 'because' } : {});
    case 'back':
      return moveBack(deal, now);
    case 'lose':
      return markLost(deal, now, 'budget');
    case 'reopen':
      return reopen(deal, now);
    case 'restart':
      return restart(deal, { kind: op.kind, newDealId: 'x', contactId: 'c9', now }).origin;
    case 'fact':
      return recordFact(deal, op.fact, now);
  }
}

describe('state machine invariants (property-based)', () => {
  test('no sequence of operations breaks the invariants', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(opArb, fc.integer({ min: -5 * HOUR, max: 48 * HOUR })), { maxLength: 60 }),
        (fit, ops) => {
          let deal = fresh(fit);
          let now = T0;
          for (const [op, dt] of ops) {
            now += dt;
            const before = deal;
            try {
              deal = apply(deal, op, now);
            } catch (error) {
              expect(error).toBeInstanceOf(PipelineError);
              expect(deal).toBe(before);
              continue;
            }
            // Lost deals move nowhere until reopened.
            if (before.status === 'lost' && op.op !== 'reopen' && op.op !== 'fact') {
              throw new Error(`a lost deal moved by ${op.op}`);
            }
            const last = deal.history.at(-1)!;
            // History agrees with the current state.
            expect(last.to).toBe(deal.step);
            expect(last.status).toBe(deal.status);
            expect(deal.phase).toBe(STEPS[deal.step].phase);
            const times = deal.history.map((h) => h.at);
            expect(times).toEqual([...times].sort((a, b) => a - b));
            // Each move is to a neighbour (or stays).
            for (const h of deal.history.slice(1)) {
              expect(Math.abs(stepIndex(h.to) - stepIndex(h.from!))).toBeLessThanOrEqual(1);
            }
            // Won only through order.
            const wins = deal.history.filter((h) => h.kind === 'won');
            for (const w of wins) expect(w).toMatchObject({ from: 'order', to: 'monitor' });
            if (deal.status === 'won') expect(wins.length).toBeGreaterThan(0);
            if (deal.status === 'won')
              expect(stepIndex(deal.step)).toBeGreaterThanOrEqual(stepIndex('monitor'));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
