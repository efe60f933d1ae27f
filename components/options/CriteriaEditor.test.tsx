// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_PROFILE } from '@/lib/fit';
import { bundleWithLibrary, defaultLibrary, type TemplateLibrary } from '@/lib/templates';
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
      expect(calls.find((c) => c.type === 'settings/save-profile')).toMatchObject({
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

  test('a criteria file carries the templates: importing it saves them; a bad library is refused by field', async () => {
    const library = defaultLibrary();
    library.templates[0]!.body = 'Imported {firstName}';
    const { calls } = renderWithApi(<CriteriaEditor settings={settings} />, {
      'templates/get': () => defaultLibrary(),
      'templates/save': ({ library: l }) => l as TemplateLibrary,
    });
    const input = screen.getByLabelText('Import JSON') as HTMLInputElement;
    const load = (json: unknown) => {
      const file = new File([JSON.stringify(json)], 'p.json', { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };
    load(bundleWithLibrary({ ...DEFAULT_PROFILE, id: 'imported', name: 'Imported' }, library));
    await waitFor(() => expect(calls.find((c) => c.type === 'templates/save')).toBeTruthy());
    expect(
      (calls.find((c) => c.type === 'templates/save')!.payload as { library: TemplateLibrary }).library,
    ).toEqual(library);
    load({ ...DEFAULT_PROFILE, templateLibrary: { templates: [{ id: 'x' }], questionSets: [] } });
    expect(await screen.findByText(/templateLibrary\.templates\.0\.kind/)).toBeTruthy();
    expect(calls.filter((c) => c.type === 'templates/save')).toHaveLength(1);
  });

  test('in German, too', () => {
    const { container } = renderWithApi(<CriteriaEditor settings={settings} />, {}, 'de');
    expect(container.textContent).toContain('Position enthält');
    expect(screen.getByLabelText('Grundwert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Duplizieren' })).toBeTruthy();
  });
});
