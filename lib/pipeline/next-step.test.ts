import { describe, expect, test } from 'vitest';
import { advance, recordFact, scheduleNextAction, startDeal, markLost } from './deal';
import { nextStep, nextDue } from './next-step';
import { pipelineMetrics, median } from './metrics';

const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;

describe('next step', () => {
  test('from the first unmet exit criterion, phrased as an action, with the step default due date', () => {
    const deal = startDeal({ id: 'd', contactId: 'c', title: 'T', now: T0, fitConfirmed: true });
    expect(nextStep(deal, T0, 'Jane')).toEqual({
      text: 'Log your first outreach to Jane',
      due: T0 + 2 * DAY,
      overdue: false,
      source: 'criterion',
    });
    expect(nextStep(deal, T0 + 3 * DAY, 'Jane')?.overdue).toBe(true);
    expect(nextStep(deal, T0, 'Jana', 'de')?.text).toBe('Erste Kontaktaufnahme mit Jana erfassen');
  });

  test('a scheduled action wins, and is cleared when the deal moves', () => {
    let deal = startDeal({ id: 'd', contactId: 'c', title: 'T', now: T0, fitConfirmed: true });
    deal = scheduleNextAction(deal, { text: 'Call after the fair', due: T0 + 5 * DAY }, T0);
    expect(nextStep(deal, T0, 'Jane')).toMatchObject({ text: 'Call after the fair', source: 'scheduled' });
    deal = advance(recordFact(deal, { kind: 'outreach' }, T0), T0 + DAY);
    expect(nextStep(deal, T0 + DAY, 'Jane')).toMatchObject({
      text: "Record Jane's needs",
      due: T0 + 6 * DAY,
    });
  });

  test('a met criterion suggests advancing; a lost deal has no next step', () => {
    const deal = recordFact(
      startDeal({ id: 'd', contactId: 'c', title: 'T', now: T0, fitConfirmed: true }),
      { kind: 'outreach' },
      T0,
    );
    expect(nextStep(deal, T0, 'Jane')?.text).toBe('Done with Initiate contact: advance the deal');
    const lost = markLost(deal, T0, 'budget');
    expect(nextStep(lost, T0, 'Jane')).toBeNull();
    expect(nextDue(lost)).toBeUndefined();
  });
});

describe('metrics', () => {
  test('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  test('conversion, time in step, win rate and cycle time from histories', () => {
    const a0 = startDeal({ id: 'a', contactId: 'c', title: 'A', now: T0, fitConfirmed: true });
    const a = advance(a0, T0 + 2 * DAY, { override: 'called' });
    const b = markLost(
      startDeal({ id: 'b', contactId: 'c', title: 'B', now: T0, fitConfirmed: true }),
      T0 + DAY,
      'budget',
    );
    let w = startDeal({ id: 'w', contactId: 'c', title: 'W', now: T0, fitConfirmed: true });
    for (const _ of ['initiate', 'discover', 'scope', 'propose', 'evaluate', 'negotiate', 'order']) {
      w = advance(w, w.updatedAt + DAY, { override: 'x' });
    }
    expect(w.status).toBe('won');
    const m = pipelineMetrics([a, b, w]);
    const initiate = m.steps.find((s) => s.step === 'initiate')!;
    expect(initiate).toMatchObject({ entered: 3, progressed: 2 });
    expect(initiate.conversion).toBeCloseTo(2 / 3);
    expect(initiate.medianTimeInStepMs).toBe(1.5 * DAY);
    expect(m).toMatchObject({ won: 1, lost: 1, open: 1, winRate: 0.5, medianCycleTimeMs: 7 * DAY });
    expect(pipelineMetrics([a, b, w], { from: T0 + 1 }).open).toBe(0);
  });
});
