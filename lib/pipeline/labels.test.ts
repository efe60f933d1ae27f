import { describe, expect, it } from 'vitest';
import { stageLabel, stepLabel, STEP_PHASE } from './labels';
import { PHASES, STEP_IDS, STEPS } from './steps';

describe('pipeline labels', () => {
  it("names each step's phase as PHASES lists it", () => {
    for (const step of STEP_IDS) {
      const listed = PHASES.filter((p) => p.steps.includes(step)).map((p) => p.id);
      expect(listed).toEqual([STEP_PHASE[step]]);
      expect(STEPS[step].phase).toBe(STEP_PHASE[step]);
    }
  });

  it('reads a step alone and a whole stage, in both languages', () => {
    expect(stepLabel('scope')).toBe('Scope');
    expect(stageLabel('scope')).toBe('Needs assessment · Scope');
    expect(stageLabel('initiate', 'de')).toBe('Opportunity-Entwicklung · Kontakt einleiten');
    expect(stepLabel('order', 'de')).toBe(STEPS.order.label.de);
  });
});
