// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_PROFILE } from '@/lib/fit';
import { renderWithApi } from '../test-utils';
import { CriteriaEditor } from './CriteriaEditor';
import { STEP_IDS, STEPS } from '@/lib/pipeline';

const settings = {
  locale: 'auto' as const,
  profiles: [DEFAULT_PROFILE],
  activeProfileId: DEFAULT_PROFILE.id,
  followUpDays: Object.fromEntries(STEP_IDS.map((s) => [s, STEPS[s].followUpWorkingDays])) as Record<
    (typeof STEP_IDS)[number],
    number
  >,
};

describe('criteria editor', () => {
  test('live preview on sample contacts follows the edits', async () => {
    renderWithApi(<CriteriaEditor settings={settings} />, {});
    const row = () => screen.getByRole('row', { name: /Lena Fischer/ });
    expect(row().textContent).toContain('No fit');
    fireEvent.input(screen.getByLabelText('Base score'), { target: { value: '90' } });
    await waitFor(() => expect(row().textContent).toContain('Lead'));
  });

  test('a pattern no linear-time engine can run is shown next to its field and cannot be saved', async () => {
    renderWithApi(<CriteriaEditor settings={settings} />, {});
    fireEvent.change(screen.getByLabelText('Add rule'), { target: { value: 'field-regex' } });
    const pattern = await screen.findByLabelText('Pattern');
    fireEvent.input(pattern, { target: { value: '(a)\\1' } });
    expect((await screen.findByText(/backreferences and lookaround/)).closest('li')?.textContent).toContain(
      'Pattern match (advanced)',
    );
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('saving sends the profile and activates it', async () => {
    const { calls } = renderWithApi(<CriteriaEditor settings={settings} />, {
      'settings/save-profile': () => settings,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls[0]).toMatchObject({
        type: 'settings/save-profile',
        payload: { activate: true, profile: { id: 'default-b2b' } },
      }),
    );
  });

  test("rules speak the rep's words, each with a one-line explanation, not identifiers", () => {
    const { container } = renderWithApi(<CriteriaEditor settings={settings} />, {});
    const text = container.querySelector('ol.rules')?.textContent ?? '';
    for (const id of ['title-keywords', 'seniority', 'c-level', 'free-mail', 'role-account', 'companyDomain'])
      expect(text).not.toContain(id);
    expect(text).toContain('Job title contains');
    expect(text).toContain('Adds the weight when the job title contains one of these words.');
    expect(text).toContain('C-level (CEO, CFO, managing director)');
    const options = [...(screen.getByLabelText('Add rule') as HTMLSelectElement).options].map((o) => o.text);
    expect(options).toContain('Shared inbox');
    expect(options.every((o) => !/^[a-z]+(-[a-z]+)+$/.test(o))).toBe(true);
  });

  test('in German, too', () => {
    const { container } = renderWithApi(<CriteriaEditor settings={settings} />, {}, 'de');
    expect(container.textContent).toContain('Position enthält');
    expect(screen.getByLabelText('Grundwert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Duplizieren' })).toBeTruthy();
  });
});
