import { useState } from 'preact/hooks';
import type { FitVerdict } from '@/lib/fit/types';
import { useT } from './i18n';

export function FitBadge({ verdict, score }: { verdict: FitVerdict; score: number }) {
  const t = useT();
  return (
    <span class={`fit fit-${verdict}`} title={`${t('score')} ${score}`}>
      {t(`verdict_${verdict}`)} · {score}
    </span>
  );
}

/** The reasons behind a verdict, shown on demand. */
export function FitReasons({ reasons }: { reasons: string[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!reasons.length) return null;
  return (
    <div class="reasons">
      <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('hideReasons') : t('reasons')}
      </button>
      {open && (
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
