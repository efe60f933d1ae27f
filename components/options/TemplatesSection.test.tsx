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

  test('New template: the name gets the focus, an empty text blocks saving, kind and language are chosen, saved', async () => {
    const saved: TemplateLibrary[] = [];
    renderWithApi(<TemplatesSection library={defaultLibrary()} />, {
      'templates/save': ({ library }) => (saved.push(library as TemplateLibrary), library as TemplateLibrary),
    });
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.value).toBe('New template');
    expect(await screen.findByText('A template needs a text.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    // the rep's own template has no reset, only delete
    expect(screen.queryByRole('button', { name: 'Reset template to default' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'proposal-cover' } });
    fireEvent.change(screen.getAllByLabelText('Language')[0]!, { target: { value: 'de' } });
    fireEvent.input(screen.getByLabelText('Text'), {
      target: { value: 'Hallo {firstName}, {proposalValue}' },
    });
    await waitFor(() => expect(save.disabled).toBe(false));
    expect(preview()).toBe('Hallo Jane, 24.000 €');
    fireEvent.click(save);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.templates.at(-1)).toEqual({
      id: 'custom-21',
      kind: 'proposal-cover',
      step: 'propose',
      locale: 'de',
      name: 'New template',
      body: 'Hallo {firstName}, {proposalValue}',
    });
  });

  test('Duplicate copies the picked template after it; Delete removes the copy and returns to the picker', async () => {
    const saved: TemplateLibrary[] = [];
    renderWithApi(<TemplatesSection library={defaultLibrary()} />, {
      'templates/save': ({ library }) => (saved.push(library as TemplateLibrary), library as TemplateLibrary),
    });
    pick('Template', 'Scope summary (en)');
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate template' }));
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Scope summary (copy)'));
    expect(document.activeElement).toBe(name);
    const select = screen.getByLabelText('Template') as HTMLSelectElement;
    expect(select.options[select.selectedIndex]!.textContent).toBe('Scope summary (copy) (en)');
    expect(select.options[select.selectedIndex - 1]!.textContent).toBe('Scope summary (en)');
    expect(screen.getByText('Changes take effect when saved.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete template' }));
    await waitFor(() => expect(document.activeElement).toBe(select));
    expect([...select.options].map((o) => o.textContent)).not.toContain('Scope summary (copy) (en)');
    expect(select.options).toHaveLength(20);
    expect(screen.queryByText('Changes take effect when saved.')).toBeNull();
  });

  test('a default cannot be deleted: Reset to default brings back its shipped text once it was changed', async () => {
    renderWithApi(<TemplatesSection library={defaultLibrary()} />, {});
    expect(screen.queryByRole('button', { name: 'Delete template' })).toBeNull();
    const reset = screen.getByRole('button', { name: 'Reset template to default' }) as HTMLButtonElement;
    expect(reset.disabled).toBe(true);
    const shipped = (screen.getByLabelText('Text') as HTMLTextAreaElement).value;
    fireEvent.input(screen.getByLabelText('Text'), { target: { value: 'Mine now' } });
    await waitFor(() => expect(reset.disabled).toBe(false));
    fireEvent.click(reset);
    await waitFor(() => expect((screen.getByLabelText('Text') as HTMLTextAreaElement).value).toBe(shipped));
    expect(reset.disabled).toBe(true);
    // no Kind select on a default: its kind and step stay
    expect(screen.queryByLabelText('Kind')).toBeNull();
  });

  test('question sets: new (needs a question), duplicate, delete and reset; New stops at the limit', async () => {
    const lib = defaultLibrary();
    renderWithApi(<TemplatesSection library={lib} />, {});
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    fireEvent.click(screen.getByRole('button', { name: 'New question set' }));
    const setName = () => screen.getByLabelText('Name of the set') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(setName()));
    expect(await screen.findByText('A question set needs at least one question.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Questions, one per line'), {
      target: { value: 'Wer entscheidet?' },
    });
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate question set' }));
    await waitFor(() => expect(setName().value).toBe('New question set (copy)'));
    expect(document.activeElement).toBe(setName());
    const setPick = screen.getByLabelText('Question set') as HTMLSelectElement;
    expect(setPick.options).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Delete question set' }));
    await waitFor(() => expect(setPick.options).toHaveLength(3));
    // up to the limit of 20, then New and Duplicate are off and say why
    for (let i = 3; i < 20; i++)
      fireEvent.click(screen.getByRole('button', { name: 'Duplicate question set' }));
    await waitFor(() => expect(setPick.options).toHaveLength(20));
    expect((screen.getByRole('button', { name: 'New question set' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText('At most 20 here: delete one first.')).toBeTruthy();
    fireEvent.change(setPick, { target: { value: '0' } });
    fireEvent.input(screen.getByLabelText('Questions, one per line'), { target: { value: 'Changed?' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Reset question set to default' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Questions, one per line') as HTMLTextAreaElement).value).toBe(
        lib.questionSets[0]!.questions.join('\n'),
      ),
    );
  });

  test('German: the new buttons in German', () => {
    renderWithApi(<TemplatesSection library={defaultLibrary()} />, {}, 'de');
    for (const name of [
      'Neue Vorlage',
      'Vorlage duplizieren',
      'Vorlage auf Standard zurücksetzen',
      'Neuer Fragenkatalog',
    ])
      expect(screen.getByRole('button', { name })).toBeTruthy();
  });
});
