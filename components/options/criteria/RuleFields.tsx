import { REGEX_FIELDS, SENIORITY_LEVELS, type FitRuleInput } from '@/lib/fit';
import { useT } from '../../i18n';
import { splitList } from './new-rules';

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** One rule: its name and explanation in the rep's words, its own fields, weight and switch. */
export function RuleFields({ rule, onChange }: { rule: FitRuleInput; onChange(rule: FitRuleInput): void }) {
  const t = useT();
  return (
    <div class="rule-fields">
      <strong>{t(`rule_${rule.kind}`)}</strong>
      <span class="muted small rule-help">{t(`ruleHelp_${rule.kind}`)}</span>
      <KindFields rule={rule} onChange={onChange} />
      <label>
        {t('weight')}
        <input
          type="number"
          value={String(rule.weight)}
          onInput={(e) => onChange({ ...rule, weight: Number(value(e)) })}
        />
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={rule.enabled !== false}
          onChange={(e) => onChange({ ...rule, enabled: (e.target as HTMLInputElement).checked })}
        />
        {t('ruleOn')}
      </label>
    </div>
  );
}

function KindFields({ rule, onChange }: { rule: FitRuleInput; onChange(rule: FitRuleInput): void }) {
  const t = useT();
  switch (rule.kind) {
    case 'title-keywords':
    case 'page-keywords':
      return (
        <ListField
          label={t('keywords')}
          values={rule.keywords}
          onChange={(keywords) => onChange({ ...rule, keywords })}
        />
      );
    case 'seniority':
      return (
        <fieldset class="inline">
          {SENIORITY_LEVELS.map((level) => (
            <label key={level} class="inline">
              <input
                type="checkbox"
                checked={rule.levels.includes(level)}
                onChange={(e) =>
                  onChange({
                    ...rule,
                    levels: (e.target as HTMLInputElement).checked
                      ? [...rule.levels, level]
                      : rule.levels.filter((l) => l !== level),
                  })
                }
              />
              {t(`level_${level}`)}
            </label>
          ))}
        </fieldset>
      );
    case 'company-list':
      return (
        <>
          <select
            value={rule.mode}
            onChange={(e) => onChange({ ...rule, mode: value(e) as 'allow' | 'deny' })}
          >
            <option value="allow">{t('listAllow')}</option>
            <option value="deny">{t('listDeny')}</option>
          </select>
          <ListField
            label={t('companiesOrDomains')}
            values={rule.entries}
            onChange={(entries) => onChange({ ...rule, entries })}
          />
        </>
      );
    case 'tld':
      return (
        <ListField label={t('tlds')} values={rule.tlds} onChange={(tlds) => onChange({ ...rule, tlds })} />
      );
    case 'field-regex':
      return (
        <>
          <label>
            {t('regexField')}
            <select
              value={rule.field}
              onChange={(e) => onChange({ ...rule, field: value(e) as (typeof REGEX_FIELDS)[number] })}
            >
              {REGEX_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`field_${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('pattern')}
            <input value={rule.pattern} onInput={(e) => onChange({ ...rule, pattern: value(e) })} />
          </label>
        </>
      );
    default:
      return null;
  }
}

/** A comma-separated list typed into one field. */
function ListField({
  label,
  values,
  onChange,
}: {
  label: string;
  values: string[];
  onChange(values: string[]): void;
}) {
  return (
    <label>
      {label}
      <input value={values.join(', ')} onInput={(e) => onChange(splitList(value(e)))} />
    </label>
  );
}
