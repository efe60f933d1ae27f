import type { FitProfile, FitRuleInput } from '@/lib/fit';

/** A profile being edited: rules may still be invalid (shown next to their fields). */
export type Draft = Omit<FitProfile, 'rules'> & { rules: FitRuleInput[] };
