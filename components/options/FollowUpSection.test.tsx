// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_PROFILE } from '@/lib/fit';
import { STEP_IDS, STEPS } from '@/lib/pipeline';
import { renderWithApi } from '../test-utils';
import { FollowUpSection } from './FollowUpSection';

const followUpDays = Object.fromEntries(STEP_IDS.map((s) => [s, STEPS[s].followUpWorkingDays])) as Record<
  (typeof STEP_IDS)[number],
  number
>;
const settings = { locale: 'auto' as const, profiles: [DEFAULT_PROFILE], activeProfileId: 'x', followUpDays };

test('shows the step table’s working days and saves an edited step; an invalid value is not sent', async () => {
  const { calls } = renderWithApi(<FollowUpSection settings={settings} />, {
    'settings/set-follow-up-days': ({ step, days }) => ({
      ...settings,
      followUpDays: { ...followUpDays, [step]: days },
    }),
  });
  const propose = screen.getByLabelText(/Propose/) as HTMLInputElement;
  expect(propose.value).toBe(String(STEPS.propose.followUpWorkingDays));
  fireEvent.change(propose, { target: { value: '0' } });
  fireEvent.change(propose, { target: { value: '9' } });
  await waitFor(() =>
    expect(calls.filter((c) => c.type === 'settings/set-follow-up-days').map((c) => c.payload)).toEqual([
      { step: 'propose', days: 9 },
    ]),
  );
});
