import { useQuery } from '../api';
import { useT } from '../i18n';

/** How often each webmail anchor was found on the pages seen since the browser started. */
export function HealthSection() {
  const t = useT();
  const health = useQuery((s) => s('health/get', {}), [], ['tab', 'changed']);
  const anchors = Object.entries(health.data?.anchors ?? {});
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">{t('health')}</h2>
      <p class="muted small">{t('healthViews', { count: health.data?.pages ?? 0 })}</p>
      {anchors.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('healthAnchor')}</th>
              <th scope="col">{t('healthFound')}</th>
              <th scope="col">{t('healthMissing')}</th>
            </tr>
          </thead>
          <tbody>
            {anchors.map(([name, h]) => (
              <tr key={name} class={h.missing > h.found ? 'warn' : ''}>
                <th scope="row">{name}</th>
                <td>{h.found}</td>
                <td>{h.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
