// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { defaultLibrary, type TemplateLibrary } from '@/lib/templates';
import { renderWithApi } from '../test-utils';
import { TemplatesSection } from './TemplatesSection';

const preview = () => screen.getByTestId('template-preview').textContent ?? '';
const pick = (label: string, name: string) => {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  const option = [...select.options].find((o) => o.textContent === name)!;
  fireEvent.change(select, { target: { value: option.value } });
};

describe('template editor', () => {
  test('the preview fills the sample contact and deal, shows missing values as markers, and follows edits', async () => {
    renderWithApi(<TemplatesSection library={defaultLibrary()} />, {});
    expect(preview()).toMatch(/^Hello Jane,/);
    pick('Template', 'Negotiation (en)');
    expect(preview()).toContain('Next step: [next step?]');
    expect(screen.getByText(/Shown as a marker until filled: nextStep/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Text'), {
      target: { value: 'Dear {firstName} of {company}, {oops}' },
    });
    await waitFor(() => expect(preview()).toBe('Dear Jane of Acme Ltd, {oops}'));
    expect(screen.getByRole('status').textContent).toContain('{oops}');
  });

  test('the questionnaire preview numbers the questions of the set, edited one per line', async () => {
    renderWithApi(<TemplatesSection library={defaultLibrary()} />, {});
    pick('Template', 'Needs questionnaire (en)');
    expect(preview()).toContain('1. How do you handle this today');
    fireEvent.input(screen.getByLabelText('Questions, one per line'), {
      target: { value: 'What hurts?\n\nWho decides?' },
    });
    await waitFor(() => expect(preview()).toContain('1. What hurts?\n\n2. Who decides?'));
    expect(preview()).not.toContain('3. ');
  });

  test('an invalid field blocks saving and says why; a valid draft is saved whole', async () => {
    const saved: TemplateLibrary[] = [];
    const { calls } = renderWithApi(<TemplatesSection library={defaultLibrary()} />, {
      'templates/save': ({ library }) => (saved.push(library as TemplateLibrary), library as TemplateLibrary),
    });
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: ' ' } });
    expect(await screen.findByText('Give the template a name.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'First mail' } });
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    await waitFor(() => expect(calls.some((c) => c.type === 'templates/save')).toBe(true));
    expect(saved[0]!.templates[0]!.name).toBe('First mail');
    expect(saved[0]!.templates).toHaveLength(defaultLibrary().templates.length);
  });

  test('German labels and a German preview', () => {
    const lib = defaultLibrary();
    lib.templates = lib.templates.filter((t) => t.locale === 'de');
    renderWithApi(<TemplatesSection library={lib} />, {}, 'de');
    expect(screen.getByText('Vorlagen für E-Mails')).toBeTruthy();
    expect(preview()).toMatch(/^Guten Tag Jane,/);
  });
});
