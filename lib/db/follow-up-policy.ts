import { STEPS } from '../pipeline/steps';
import { validTimeZone } from '../threads/working-days';
import type { Store } from './open';
import { readSetting } from './settings-registry';
import type { FollowUpPolicy } from './threads';

/** The rep's follow-up rules: the working days per step (options, else the step table) in the rep's zone. */
export async function followUpPolicy(
  store: Store,
  timeZone: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone,
): Promise<FollowUpPolicy> {
  const custom = await readSetting(store, 'followUp.workingDays');
  return {
    timeZone: validTimeZone(timeZone),
    workingDays: (step) => custom[step] ?? STEPS[step].followUpWorkingDays,
  };
}
