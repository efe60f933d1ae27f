import { useT } from '../../i18n';
import type { Draft } from './draft';
import { FieldError } from './FieldError';

/** Name, base score and the two thresholds of a profile. */
export function ProfileFields({
  draft,
  onChange,
  issueAt,
}: {
  draft: Draft;
  onChange(draft: Draft): void;
  issueAt(path: string): string[];
}) {
  const t = useT();
  const num = (e: Event) => Number((e.target as HTMLInputElement).value);
  return (
    <div class="grid">
      <label>
        {t('profileName')}
        <input
          value={draft.name}
          onInput={(e) => onChange({ ...draft, name: (e.target as HTMLInputElement).value })}
        />
        <FieldError messages={issueAt('name')} />
      </label>
      <label title={t('baseScoreHelp')}>
        {t('baseScore')}
        <input type="number" value={draft.base} onInput={(e) => onChange({ ...draft, base: num(e) })} />
        <FieldError messages={issueAt('base')} />
      </label>
      <label>
        {t('leadFrom')}
        <input
          type="number"
          value={draft.thresholds.lead}
          onInput={(e) => onChange({ ...draft, thresholds: { ...draft.thresholds, lead: num(e) } })}
        />
        <FieldError messages={issueAt('thresholds.lead')} />
      </label>
      <label>
        {t('maybeFrom')}
        <input
          type="number"
          value={draft.thresholds.maybe}
          onInput={(e) => onChange({ ...draft, thresholds: { ...draft.thresholds, maybe: num(e) } })}
        />
        <FieldError messages={issueAt('thresholds.maybe')} />
      </label>
    </div>
  );
}
