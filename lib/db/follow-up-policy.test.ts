import { expect, test } from 'vitest';
import { openTestStore } from './test-store';
import { followUpPolicy } from './follow-up-policy';
import { writeSetting } from './settings-registry';
import { putSetting } from './settings';
import { STEPS } from '../pipeline/steps';

test('working days per step: the step table, overridden in options; a bad value reads as the default', async () => {
  const store = await openTestStore();
  expect((await followUpPolicy(store, 'Europe/Berlin')).workingDays('propose')).toBe(
    STEPS.propose.followUpWorkingDays,
  );
  await writeSetting(store, 'followUp.workingDays', { propose: 9 });
  const policy = await followUpPolicy(store, 'Europe/Berlin');
  expect(policy.workingDays('propose')).toBe(9);
  expect(policy.workingDays('scope')).toBe(STEPS.scope.followUpWorkingDays);
  expect(policy.timeZone).toBe('Europe/Berlin');
  await putSetting(store, 'followUp.workingDays', { propose: -3 });
  expect((await followUpPolicy(store, 'Nowhere/Else')).workingDays('propose')).toBe(
    STEPS.propose.followUpWorkingDays,
  );
  expect((await followUpPolicy(store, 'Nowhere/Else')).timeZone).toBe('UTC');
  await expect(writeSetting(store, 'followUp.workingDays', { propose: 0 })).rejects.toThrow();
});
