import type { FitRuleInput } from '@/lib/fit';
import { useT } from '../../i18n';
import { FieldError } from './FieldError';
import { NEW_RULES, RULE_KINDS, type RuleKind } from './new-rules';
import { RuleFields } from './RuleFields';

/** The profile's rules in order: edit, move, delete, and add one of any kind. */
export function RuleList({
  rules,
  onChange,
  issueAt,
}: {
  rules: FitRuleInput[];
  onChange(rules: FitRuleInput[]): void;
  issueAt(path: string): string[];
}) {
  const t = useT();
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, rule!);
    onChange(next);
  };
  return (
    <>
      <ol class="rules">
        {rules.map((rule, i) => (
          <li key={rule.id} class="rule">
            <RuleFields rule={rule} onChange={(r) => onChange(rules.map((x, j) => (j === i ? r : x)))} />
            <FieldError messages={issueAt(`rules.${i}`)} />
            <span class="moves">
              <button
                type="button"
                aria-label={t('moveRuleUp')}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('moveRuleDown')}
                disabled={i === rules.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('deleteRule')}
                onClick={() => onChange(rules.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <label>
        {t('addRule')}{' '}
        <select
          value=""
          onChange={(e) => {
            const kind = (e.target as HTMLSelectElement).value as RuleKind | '';
            if (kind) onChange([...rules, NEW_RULES[kind]()]);
          }}
        >
          <option value="">…</option>
          {RULE_KINDS.map((kind) => (
            <option key={kind} value={kind} title={t(`ruleHelp_${kind}`)}>
              {t(`rule_${kind}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
