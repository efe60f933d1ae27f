import { useMemo, useState } from 'preact/hooks';
import {
  compileProfile,
  parseProfile,
  SENIORITY_LEVELS,
  REGEX_FIELDS,
  type FitProfile,
  type FitRuleInput,
  type FitSubject,
} from '@/lib/fit';
import type { SettingsView } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { FitBadge } from '../FitBadge';
import { ErrorState } from '../States';
import { useT } from '../i18n';
import { download } from './download';
import { FilePicker } from './FilePicker';

type Draft = Omit<FitProfile, 'rules'> & { rules: FitRuleInput[] };

export const SAMPLE_CONTACTS: (FitSubject & { label: string })[] = [
  {
    label: 'Jana Schubert',
    title: 'Geschäftsführerin',
    emails: ['jana.schubert@acme-industrie.de'],
    phones: ['+49301234567'],
    company: 'Acme GmbH',
  },
  {
    label: 'Markus Weber',
    title: 'Head of Procurement',
    emails: ['markus.weber@acme-industrie.de'],
    phones: [],
    company: 'Acme GmbH',
  },
  {
    label: 'Lena Fischer',
    title: 'Werkstudentin Marketing',
    emails: ['lena.fischer@acme-industrie.de'],
    phones: [],
  },
  { label: 'info@', emails: ['info@acme-industrie.de'], phones: [], role: true },
  { label: 'Tom (gmail)', title: 'IT Manager', emails: ['tom.berg@gmail.com'], phones: [] },
];

const NEW_RULES: Record<FitRuleInput['kind'], () => FitRuleInput> = {
  'title-keywords': () => ({
    id: crypto.randomUUID(),
    kind: 'title-keywords',
    keywords: ['Procurement'],
    weight: 10,
  }),
  seniority: () => ({ id: crypto.randomUUID(), kind: 'seniority', levels: ['head'], weight: 20 }),
  'company-list': () => ({
    id: crypto.randomUUID(),
    kind: 'company-list',
    mode: 'allow',
    entries: ['example.com'],
    weight: 20,
  }),
  tld: () => ({ id: crypto.randomUUID(), kind: 'tld', tlds: ['de'], weight: 5 }),
  'free-mail': () => ({ id: crypto.randomUUID(), kind: 'free-mail', weight: -25 }),
  'role-account': () => ({ id: crypto.randomUUID(), kind: 'role-account', weight: -40 }),
  'page-keywords': () => ({
    id: crypto.randomUUID(),
    kind: 'page-keywords',
    keywords: ['logistics'],
    weight: 5,
  }),
  'has-phone': () => ({ id: crypto.randomUUID(), kind: 'has-phone', weight: 5 }),
  customer: () => ({ id: crypto.randomUUID(), kind: 'customer', weight: 10 }),
  'field-regex': () => ({
    id: crypto.randomUUID(),
    kind: 'field-regex',
    field: 'title',
    pattern: '^senior ',
    weight: 5,
  }),
};

const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function CriteriaEditor({
  settings,
  samples = SAMPLE_CONTACTS,
}: {
  settings: SettingsView;
  samples?: (FitSubject & { label: string })[];
}) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const active = settings.profiles.find((p) => p.id === settings.activeProfileId) ?? settings.profiles[0]!;
  const [draft, setDraft] = useState<Draft>(structuredClone(active));
  const [importIssues, setImportIssues] = useState<string[]>([]);
  const parsed = useMemo(() => parseProfile(draft), [draft]);
  const issues = parsed.ok ? [] : parsed.issues;
  const issueAt = (path: string) =>
    issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
  const preview = useMemo(() => (parsed.ok ? compileProfile(parsed.profile) : undefined), [parsed]);

  const setRule = (index: number, rule: FitRuleInput) =>
    setDraft({ ...draft, rules: draft.rules.map((r, i) => (i === index ? rule : r)) });
  const move = (index: number, by: number) => {
    const rules = [...draft.rules];
    const [rule] = rules.splice(index, 1);
    rules.splice(Math.max(0, Math.min(rules.length, index + by)), 0, rule!);
    setDraft({ ...draft, rules });
  };

  return (
    <section aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t('criteria')}</h2>
      <div class="row-inline">
        <label>
          Profile{' '}
          <select
            value={draft.id}
            onChange={(e) => {
              const picked = settings.profiles.find((p) => p.id === (e.target as HTMLSelectElement).value);
              if (picked) setDraft(structuredClone(picked));
            }}
          >
            {settings.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.id === settings.activeProfileId ? ' ✓' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            setDraft({ ...structuredClone(draft), id: crypto.randomUUID(), name: `${draft.name} (copy)` })
          }
        >
          Duplicate
        </button>
        <button
          type="button"
          onClick={() =>
            download(`${draft.id}.criteria.json`, JSON.stringify(draft, null, 2), 'application/json')
          }
        >
          Export JSON
        </button>
        <FilePicker
          label="Import JSON"
          accept="application/json,.json"
          onText={(text) => {
            const result = parseProfile(text);
            if (result.ok) {
              setDraft(result.profile);
              setImportIssues([]);
            } else setImportIssues(result.issues.map((i) => `${i.path || 'file'}: ${i.message}`));
          }}
        />
      </div>
      {importIssues.length > 0 && (
        <ul class="error" role="alert">
          {importIssues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      <div class="grid">
        <label>
          Name
          <input
            value={draft.name}
            onInput={(e) => setDraft({ ...draft, name: (e.target as HTMLInputElement).value })}
          />
          <FieldError messages={issueAt('name')} />
        </label>
        <label>
          Base score
          <input
            type="number"
            value={draft.base}
            onInput={(e) => setDraft({ ...draft, base: Number((e.target as HTMLInputElement).value) })}
          />
          <FieldError messages={issueAt('base')} />
        </label>
        <label>
          Lead from
          <input
            type="number"
            value={draft.thresholds.lead}
            onInput={(e) =>
              setDraft({
                ...draft,
                thresholds: { ...draft.thresholds, lead: Number((e.target as HTMLInputElement).value) },
              })
            }
          />
          <FieldError messages={issueAt('thresholds.lead')} />
        </label>
        <label>
          Maybe from
          <input
            type="number"
            value={draft.thresholds.maybe}
            onInput={(e) =>
              setDraft({
                ...draft,
                thresholds: { ...draft.thresholds, maybe: Number((e.target as HTMLInputElement).value) },
              })
            }
          />
          <FieldError messages={issueAt('thresholds.maybe')} />
        </label>
      </div>
      <ol class="rules">
        {draft.rules.map((rule, i) => (
          <li key={rule.id} class="rule">
            <RuleFields rule={rule} onChange={(r) => setRule(i, r)} />
            <FieldError messages={issueAt(`rules.${i}`)} />
            <span class="moves">
              <button type="button" aria-label="Move rule up" disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button
                type="button"
                aria-label="Move rule down"
                disabled={i === draft.rules.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label="Delete rule"
                onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <label>
        Add rule{' '}
        <select
          value=""
          onChange={(e) => {
            const kind = (e.target as HTMLSelectElement).value as FitRuleInput['kind'];
            if (kind) setDraft({ ...draft, rules: [...draft.rules, NEW_RULES[kind]()] });
          }}
        >
          <option value="">…</option>
          {Object.keys(NEW_RULES).map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <h3>Preview</h3>
      <table class="preview">
        <tbody>
          {samples.map((s) => {
            const r = preview?.evaluate(s);
            return (
              <tr key={s.label}>
                <th scope="row" dir="auto">
                  {s.label}
                </th>
                <td class="muted" dir="auto">
                  {s.title}
                </td>
                <td>{r && <FitBadge verdict={r.verdict} score={r.score} />}</td>
                <td class="small">{r?.reasons.join('; ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {action.error && <ErrorState error={action.error} />}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!parsed.ok || action.busy}
          onClick={() => action.run(() => send('settings/save-profile', { profile: draft, activate: true }))}
        >
          {t('save')}
        </button>
        {settings.profiles.length > 1 && settings.profiles.some((p) => p.id === draft.id) && (
          <button
            type="button"
            onClick={() => action.run(() => send('settings/delete-profile', { id: draft.id }))}
          >
            Delete profile
          </button>
        )}
      </div>
    </section>
  );
}

function FieldError({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <span class="field-error" role="alert">
      {messages.join(' ')}
    </span>
  );
}

function RuleFields({ rule, onChange }: { rule: FitRuleInput; onChange(rule: FitRuleInput): void }) {
  const weight = (
    <label>
      Weight
      <input
        type="number"
        value={String(rule.weight)}
        onInput={(e) => onChange({ ...rule, weight: Number((e.target as HTMLInputElement).value) })}
      />
    </label>
  );
  const enabled = (
    <label class="inline">
      <input
        type="checkbox"
        checked={rule.enabled !== false}
        onChange={(e) => onChange({ ...rule, enabled: (e.target as HTMLInputElement).checked })}
      />
      on
    </label>
  );
  let fields = null;
  switch (rule.kind) {
    case 'title-keywords':
    case 'page-keywords':
      fields = (
        <label>
          Keywords
          <input
            value={rule.keywords.join(', ')}
            onInput={(e) => onChange({ ...rule, keywords: splitList((e.target as HTMLInputElement).value) })}
          />
        </label>
      );
      break;
    case 'seniority':
      fields = (
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
              {level}
            </label>
          ))}
        </fieldset>
      );
      break;
    case 'company-list':
      fields = (
        <>
          <select
            value={rule.mode}
            onChange={(e) =>
              onChange({ ...rule, mode: (e.target as HTMLSelectElement).value as 'allow' | 'deny' })
            }
          >
            <option value="allow">allow</option>
            <option value="deny">deny (excludes)</option>
          </select>
          <label>
            Companies or domains (*.sub ok)
            <input
              value={rule.entries.join(', ')}
              onInput={(e) => onChange({ ...rule, entries: splitList((e.target as HTMLInputElement).value) })}
            />
          </label>
        </>
      );
      break;
    case 'tld':
      fields = (
        <label>
          TLDs
          <input
            value={rule.tlds.join(', ')}
            onInput={(e) => onChange({ ...rule, tlds: splitList((e.target as HTMLInputElement).value) })}
          />
        </label>
      );
      break;
    case 'field-regex':
      fields = (
        <>
          <select
            value={rule.field}
            onChange={(e) =>
              onChange({
                ...rule,
                field: (e.target as HTMLSelectElement).value as (typeof REGEX_FIELDS)[number],
              })
            }
          >
            {REGEX_FIELDS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
          <label>
            Pattern
            <input
              value={rule.pattern}
              onInput={(e) => onChange({ ...rule, pattern: (e.target as HTMLInputElement).value })}
            />
          </label>
        </>
      );
      break;
    default:
      fields = null;
  }
  return (
    <div class="rule-fields">
      <strong>{rule.kind}</strong>
      {fields}
      {weight}
      {enabled}
    </div>
  );
}
