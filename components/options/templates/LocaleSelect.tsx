import type { Locale } from '@/lib/pipeline/steps';
import { useT } from '../../i18n';

/** The language a template or question set is written in (the languages templates ship in). */
export function LocaleSelect({ value, onChange }: { value: Locale; onChange(locale: Locale): void }) {
  const t = useT();
  return (
    <label>
      {t('templateLocale')}{' '}
      <select value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as Locale)}>
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </select>
    </label>
  );
}
