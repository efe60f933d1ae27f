import { useState } from 'preact/hooks';
import { PHASES, STEPS } from '@/lib/pipeline';
import { useQuery } from '../api';
import { ErrorState, Loading } from '../States';
import { formatMoney, useLocale, useT } from '../i18n';

const DAY = 86_400_000;
const days = (ms: number | null) => (ms === null ? '—' : (ms / DAY).toFixed(1));
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** Conversion, time in step, win rate, cycle time and open value, as bars with their numbers. */
export function Metrics({ now = Date.now }: { now?: () => number }) {
  const t = useT();
  const locale = useLocale();
  const [period, setPeriod] = useState<'all' | '30' | '90'>('all');
  const from = period === 'all' ? undefined : now() - Number(period) * DAY;
  const metrics = useQuery((s) => s('deals/metrics', { from }), [period]);
  const m = metrics.data;
  return (
    <div class="metrics">
      <label>
        {t('period')}{' '}
        <select
          value={period}
          onChange={(e) => setPeriod((e.target as HTMLSelectElement).value as typeof period)}
        >
          <option value="all">{t('allTime')}</option>
          <option value="30">{t('last30')}</option>
          <option value="90">{t('last90')}</option>
        </select>
      </label>
      {metrics.error && <ErrorState error={metrics.error} onRetry={metrics.reload} />}
      {metrics.loading && !m && <Loading />}
      {m && (
        <>
          <dl class="kpis">
            <div>
              <dt>{t('winRate')}</dt>
              <dd>{pct(m.winRate)}</dd>
            </div>
            <div>
              <dt>{t('cycleTime')}</dt>
              <dd>
                {days(m.medianCycleTimeMs)} {t('days')}
              </dd>
            </div>
          </dl>
          <table class="step-metrics">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('conversion')}</th>
                <th scope="col">{t('timeInStep')}</th>
              </tr>
            </thead>
            <tbody>
              {m.steps
                .filter((s) => s.step !== 'nurture')
                .map((s) => (
                  <tr key={s.step}>
                    <th scope="row">{STEPS[s.step].label[locale]}</th>
                    <td>
                      <span class="bar" aria-hidden="true">
                        <span style={{ width: `${Math.round((s.conversion ?? 0) * 100)}%` }} />
                      </span>{' '}
                      {pct(s.conversion)}{' '}
                      <span class="muted small">
                        ({s.progressed}/{s.entered})
                      </span>
                    </td>
                    <td>
                      {days(s.medianTimeInStepMs)} {t('days')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <h3>{t('openValue')}</h3>
          <ul>
            {PHASES.map((p) => (
              <li key={p.id}>
                {p.label[locale]}:{' '}
                {Object.entries(m.openValueByPhase[p.id])
                  .map(([cur, v]) => formatMoney(v, cur, locale))
                  .join(', ') || '—'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
