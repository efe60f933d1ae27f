import type { QuestionSet } from '@/lib/templates';
import { useT } from '../../i18n';
import { FieldError } from '../criteria/FieldError';
import { LocaleSelect } from './LocaleSelect';

/** One question set: its name and questions (one per line; empty lines are dropped). */
export function QuestionSetFields({
  set,
  editableLocale,
  issues,
  onChange,
}: {
  set: QuestionSet;
  /** The rep's own sets choose their language; defaults keep theirs. */
  editableLocale: boolean;
  issues: (field: string) => string[];
  onChange(set: QuestionSet): void;
}) {
  const t = useT();
  return (
    <div class="question-set-fields">
      {editableLocale && (
        <LocaleSelect value={set.locale} onChange={(l) => onChange({ ...set, locale: l })} />
      )}
      <label>
        {t('questionSetName')}
        <input
          id="question-set-name"
          value={set.name}
          maxLength={100}
          onInput={(e) => onChange({ ...set, name: (e.target as HTMLInputElement).value })}
        />
      </label>
      <FieldError messages={issues('name')} />
      <label>
        {t('questionsOnePerLine')}
        <textarea
          rows={9}
          value={set.questions.join('\n')}
          onInput={(e) =>
            onChange({
              ...set,
              questions: (e.target as HTMLTextAreaElement).value.split('\n').filter((q) => q.trim()),
            })
          }
        />
      </label>
      <FieldError messages={issues('questions')} />
    </div>
  );
}
