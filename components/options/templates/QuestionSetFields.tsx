import type { QuestionSet } from '@/lib/templates';
import { useT } from '../../i18n';
import { FieldError } from '../criteria/FieldError';

/** One question set: its name and questions (one per line; empty lines are dropped). */
export function QuestionSetFields({
  set,
  issues,
  onChange,
}: {
  set: QuestionSet;
  issues: (field: string) => string[];
  onChange(set: QuestionSet): void;
}) {
  const t = useT();
  return (
    <div class="question-set-fields">
      <label>
        {t('questionSetName')}
        <input
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
