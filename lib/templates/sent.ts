import type { Deal, DealFact } from '../pipeline/deal';
import type { TemplateKind } from './schema';

/**
 * What sending a template proves about the deal: the first outreach (introduction), the proposal
 * with the deal's value (proposal cover; without a value nothing is claimed), a check-in. Other
 * templates are logged as the step's activity only.
 */
export function factOfSentTemplate(kind: TemplateKind, deal: Pick<Deal, 'value'>): DealFact | undefined {
  if (kind === 'introduction') return { kind: 'outreach' };
  if (kind === 'proposal-cover' && deal.value) return { kind: 'proposal-sent', value: deal.value };
  if (kind === 'check-in') return { kind: 'check-in' };
  return undefined;
}

/**
 * The key of a template's "sent" activity: one per deal, template kind and stay in a step, so
 * sending (or re-sending) the proposal cover logs "Proposal sent" once.
 */
export const sentActivityKey = (deal: Pick<Deal, 'id' | 'step' | 'stepEnteredAt'>, kind: TemplateKind) =>
  `template:${deal.id}:${deal.step}:${deal.stepEnteredAt}:${kind}`;
