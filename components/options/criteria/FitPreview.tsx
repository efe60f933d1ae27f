import type { CompiledProfile, FitSubject } from '@/lib/fit';
import { FitBadge } from '../../FitBadge';
import { useT } from '../../i18n';

/** How the draft profile scores the sample people, live. */
export function FitPreview({
  profile,
  samples,
}: {
  profile: CompiledProfile | undefined;
  samples: (FitSubject & { label: string })[];
}) {
  const t = useT();
  return (
    <>
      <h3>{t('preview')}</h3>
      <table class="preview">
        <tbody>
          {samples.map((s) => {
            const r = profile?.evaluate(s);
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
    </>
  );
}
