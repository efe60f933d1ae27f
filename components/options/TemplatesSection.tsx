import { useMemo, useState } from 'preact/hooks';
import { parseLibrary, type TemplateLibrary } from '@/lib/templates';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useT } from '../i18n';
import { QuestionSetFields } from './templates/QuestionSetFields';
import { TemplateFields } from './templates/TemplateFields';

/** The compose templates and the needs question sets: edited as one draft, validated as typed, saved whole. */
export function TemplatesSection({ library }: { library: TemplateLibrary }) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [draft, setDraft] = useState<TemplateLibrary>(() => structuredClone(library));
  const [templateIndex, setTemplateIndex] = useState(0);
  const [setIndex, setSetIndex] = useState(0);
  const parsed = useMemo(() => parseLibrary(draft), [draft]);
  const issues = parsed.ok ? [] : parsed.issues;
  const issuesAt = (prefix: string) => (field: string) =>
    issues
      .filter((i) => i.path === `${prefix}.${field}` || i.path.startsWith(`${prefix}.${field}.`))
      .map((i) => i.message);
  const template = draft.templates[templateIndex];
  const set = draft.questionSets[setIndex];
  const questionsFor = (locale: string) =>
    (draft.questionSets.find((q) => q.locale === locale) ?? draft.questionSets[0])?.questions ?? [];
  const topLevel = issues
    .filter((i) => !/^(templates|questionSets)\.\d+\./.test(i.path))
    .map((i) => i.message);

  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templatesTitle')}</h2>
      <label>
        {t('templatePick')}{' '}
        <select
          value={String(templateIndex)}
          onChange={(e) => setTemplateIndex(Number((e.target as HTMLSelectElement).value))}
        >
          {draft.templates.map((tpl, i) => (
            <option key={tpl.id} value={String(i)}>
              {tpl.name} ({tpl.locale})
            </option>
          ))}
        </select>
      </label>
      {template && (
        <TemplateFields
          template={template}
          questions={questionsFor(template.locale)}
          issues={issuesAt(`templates.${templateIndex}`)}
          onChange={(next) =>
            setDraft({ ...draft, templates: draft.templates.map((x, i) => (i === templateIndex ? next : x)) })
          }
        />
      )}
      <h3 id="question-sets-title">{t('questionSetsTitle')}</h3>
      <label>
        {t('questionSetPick')}{' '}
        <select
          value={String(setIndex)}
          onChange={(e) => setSetIndex(Number((e.target as HTMLSelectElement).value))}
        >
          {draft.questionSets.map((q, i) => (
            <option key={q.id} value={String(i)}>
              {q.name} ({q.locale})
            </option>
          ))}
        </select>
      </label>
      {set && (
        <QuestionSetFields
          set={set}
          issues={issuesAt(`questionSets.${setIndex}`)}
          onChange={(next) =>
            setDraft({
              ...draft,
              questionSets: draft.questionSets.map((x, i) => (i === setIndex ? next : x)),
            })
          }
        />
      )}
      {topLevel.length > 0 && (
        <ul class="error" role="alert">
          {topLevel.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {action.error && <ErrorState error={action.error} />}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!parsed.ok || action.busy}
          onClick={() => action.run(() => send('templates/save', { library: draft }))}
        >
          {t('save')}
        </button>
      </div>
    </section>
  );
}
