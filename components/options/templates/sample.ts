import type { FillContext } from '@/lib/templates';

/**
 * The contact and deal the editor's preview fills templates with: a deal in fulfilment with
 * needs and a value, and no next action, so the preview also shows how a missing value looks.
 */
export const SAMPLE_FILL: FillContext = {
  contact: { name: 'Jane Miller', company: 'Acme Ltd', title: 'Head of Operations' },
  deal: {
    title: 'Acme onboarding',
    needs: { stated: ['Onboarding in two weeks instead of six'], unstated: ['Fewer manual hand-offs'] },
    value: { amount: 24_000, currency: 'EUR' },
  },
};
