import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  blankQuestionSet,
  blankTemplate,
  duplicateItem,
  insertItem,
  isShipped,
  LIBRARY_LIMITS,
  parseLibrary,
  removeOrReset,
  shippedOf,
  type Collection,
  type EditResult,
  type TemplateLibrary,
} from '@/lib/templates';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useLocale, useT } from '../i18n';
import { ItemBar, type ItemBarText } from './templates/ItemBar';
import { QuestionSetFields } from './templates/QuestionSetFields';
import { TemplateFields } from './templates/TemplateFields';

const FOCUS: Record<Collection, { name: string; pick: string }> = {
  templates: { name: 'template-name', pick: 'template-pick' },
  questionSets: { name: 'question-set-name', pick: 'question-set-pick' },
};

/** The compose templates and the needs question sets: edited as one draft, validated as typed, saved whole. */
export function TemplatesSection({ library }: { library: TemplateLibrary }) {
  const { send } = useApi();
  const t = useT();
  const uiLocale = useLocale();
  const action = useAction();
  const [draft, setDraft] = useState<TemplateLibrary>(() => structuredClone(library));
  const [templateIndex, setTemplateIndex] = useState(0);
  const [setIndex, setSetIndex] = useState(0);
  // After New, Duplicate or Delete the keyboard goes on where the work is: the name, or the picker.
  const [focus, setFocus] = useState<{ id: string } | undefined>();
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);
  const parsed = useMemo(() => parseLibrary(draft), [draft]);
  const [saved, setSaved] = useState(library);
  const unsaved = useMemo(() => JSON.stringify(draft) !== JSON.stringify(saved), [draft, saved]);
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

  const apply = (collection: Collection, result: EditResult, focusOn: 'name' | 'pick') => {
    if (!result.ok) return;
    setDraft(result.library);
    (collection === 'templates' ? setTemplateIndex : setSetIndex)(result.index);
    setFocus({ id: FOCUS[collection][focusOn] });
  };

  /** New, Duplicate and Delete (or Reset) of one collection's picked item. */
  const barOf = <C extends Collection>(
    collection: C,
    index: number,
    blank: () => TemplateLibrary[C][number],
    text: ItemBarText,
  ) => {
    const item = draft[collection][index];
    return {
      text,
      isDefault: !!item && !!shippedOf(collection, item.id),
      changed: !!item && !isShipped(collection, item),
      full: draft[collection].length >= LIBRARY_LIMITS[collection],
      max: LIBRARY_LIMITS[collection],
      onAdd: () => apply(collection, insertItem(draft, collection, blank(), -1), 'name'),
      onDuplicate: () =>
        apply(
          collection,
          duplicateItem(draft, collection, index, t('copyOf', { name: item?.name ?? '' })),
          'name',
        ),
      onRemove: () => apply(collection, removeOrReset(draft, collection, index), 'pick'),
    };
  };

  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templatesTitle')}</h2>
      <label>
        {t('templatePick')}{' '}
        <select
          id={FOCUS.templates.pick}
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
      <ItemBar
        {...barOf(
          'templates',
          templateIndex,
          () => blankTemplate(draft, template?.kind ?? 'introduction', uiLocale, t('templateNewName')),
          {
            add: 'templateNew',
            duplicate: 'templateDuplicate',
            remove: 'templateDelete',
            reset: 'templateReset',
          },
        )}
      />
      {template && (
        <TemplateFields
          key={template.id}
          template={template}
          editableKind={!shippedOf('templates', template.id)}
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
          id={FOCUS.questionSets.pick}
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
      <ItemBar
        {...barOf(
          'questionSets',
          setIndex,
          () => blankQuestionSet(draft, uiLocale, t('questionSetNewName')),
          {
            add: 'questionSetNew',
            duplicate: 'questionSetDuplicate',
            remove: 'questionSetDelete',
            reset: 'questionSetReset',
          },
        )}
      />
      {set && (
        <QuestionSetFields
          key={set.id}
          set={set}
          editableLocale={!shippedOf('questionSets', set.id)}
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
          onClick={() =>
            void action.run(async () => setSaved(await send('templates/save', { library: draft })))
          }
        >
          {t('save')}
        </button>
        {unsaved && <span class="muted small">{t('libraryUnsaved')}</span>}
      </div>
    </section>
  );
}
