import { useMemo } from 'preact/hooks';
import { STEPS } from '@/lib/pipeline';
import {
  DEFAULT_TEMPLATES,
  fillTemplate,
  PLACEHOLDERS,
  TEMPLATE_KINDS,
  unknownPlaceholders,
  withKind,
  type Template,
  type TemplateKind,
} from '@/lib/templates';
import { useLocale, useT } from '../../i18n';
import { FieldError } from '../criteria/FieldError';
import { LocaleSelect } from './LocaleSelect';
import { SAMPLE_FILL } from './sample';

/** One template: its name and text, with a live preview on a sample contact and deal. */
export function TemplateFields({
  template,
  editableKind,
  questions,
  issues,
  onChange,
}: {
  template: Template;
  /** The rep's own templates choose their kind (and with it the step) and language; defaults keep theirs. */
  editableKind: boolean;
  questions: readonly string[];
  issues: (field: string) => string[];
  onChange(template: Template): void;
}) {
  const t = useT();
  const locale = useLocale();
  const preview = useMemo(
    () =>
      fillTemplate(
        template.body,
        { ...SAMPLE_FILL, questions: template.kind === 'questionnaire' ? questions : undefined },
        template.locale,
      ),
    [template, questions],
  );
  const unknown = unknownPlaceholders(template.body);
  return (
    <div class="template-fields">
      <p class="muted small">
        {t('templateStep')}: {STEPS[template.step].label[locale]} · {template.locale.toUpperCase()}
      </p>
      {editableKind && (
        <div class="row-inline">
          <label>
            {t('templateKind')}{' '}
            <select
              value={template.kind}
              onChange={(e) =>
                onChange(withKind(template, (e.target as HTMLSelectElement).value as TemplateKind))
              }
            >
              {TEMPLATE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kindName(kind, locale)}
                </option>
              ))}
            </select>
          </label>
          <LocaleSelect value={template.locale} onChange={(l) => onChange({ ...template, locale: l })} />
        </div>
      )}
      <label>
        {t('templateName')}
        <input
          id="template-name"
          value={template.name}
          maxLength={100}
          onInput={(e) => onChange({ ...template, name: (e.target as HTMLInputElement).value })}
        />
      </label>
      <FieldError messages={issues('name')} />
      <label>
        {t('templateBody')}
        <textarea
          rows={10}
          value={template.body}
          onInput={(e) => onChange({ ...template, body: (e.target as HTMLTextAreaElement).value })}
        />
      </label>
      <FieldError messages={issues('body')} />
      <p class="muted small">{t('templatesHelp', { list: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}</p>
      {unknown.length > 0 && (
        <p class="warning small" role="status">
          {t('templateUnknown', { names: unknown.map((u) => `{${u}}`).join(' ') })}
        </p>
      )}
      <h3>{t('templatePreview')}</h3>
      <pre class="template-preview" data-testid="template-preview">
        {preview.text}
      </pre>
      {preview.missing.length > 0 && (
        <p class="muted small">{t('templateMissing', { names: preview.missing.join(', ') })}</p>
      )}
    </div>
  );
}

/** A kind by the name of its shipped template in the interface language. */
const kindName = (kind: TemplateKind, locale: string) =>
  (DEFAULT_TEMPLATES.find((d) => d.kind === kind && d.locale === locale) ??
    DEFAULT_TEMPLATES.find((d) => d.kind === kind))!.name;
