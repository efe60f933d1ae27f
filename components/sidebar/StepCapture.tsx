import { useState } from 'preact/hooks';
import type { Deal } from '@/lib/pipeline';
import type { RequestOf } from '@/lib/messages';
import { formatDate, formatMoney, useLocale, useT } from '../i18n';
import { AmountField, parseAmount, useMoneyInput } from './AmountField';

type Fact = RequestOf<'deals/fact'>['fact'];

/** What the current step asks the rep to record: its exit criterion's facts. */
export function StepCapture({
  deal,
  onFact,
  onCheckIn,
}: {
  deal: Deal;
  onFact(fact: Fact): void;
  onCheckIn(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const [need, setNeed] = useState('');
  const [unstated, setUnstated] = useState(false);
  const [money, setMoney] = useMoneyInput(deal.value);
  const [cadence, setCadence] = useState(String(deal.facts.checkInCadenceDays));
  if (deal.status === 'lost') return null;

  switch (deal.step) {
    case 'identify':
      return deal.facts.fitConfirmed ? null : (
        <button type="button" onClick={() => onFact({ kind: 'fit-confirmed' })}>
          {t('confirmFit')}
        </button>
      );
    case 'discover':
    case 'scope':
      return (
        <fieldset class="capture">
          <legend>{t('needs')}</legend>
          <ul>
            {deal.needs.stated.map((n, i) => (
              <li key={`s${i}`} dir="auto">
                {n}
              </li>
            ))}
            {deal.needs.unstated.map((n, i) => (
              <li key={`u${i}`} dir="auto" class="muted">
                {n} ({t('unstatedNeed')})
              </li>
            ))}
          </ul>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!need.trim()) return;
              onFact({ kind: 'need', need: need.trim(), unstated });
              setNeed('');
            }}
          >
            <label>
              {unstated ? t('unstatedNeed') : t('statedNeed')}
              <input
                value={need}
                maxLength={2000}
                onInput={(e) => setNeed((e.target as HTMLInputElement).value)}
              />
            </label>
            <label class="inline">
              <input
                type="checkbox"
                checked={unstated}
                onChange={(e) => setUnstated((e.target as HTMLInputElement).checked)}
              />
              {t('unstatedNeed')}
            </label>
            <button type="submit">{t('addNeed')}</button>
          </form>
          {deal.step === 'scope' && (
            <label class="inline">
              <input
                type="checkbox"
                checked={deal.needs.agreed}
                onChange={(e) =>
                  onFact({ kind: 'needs-agreed', agreed: (e.target as HTMLInputElement).checked })
                }
              />
              {t('needsAgreed')}
            </label>
          )}
        </fieldset>
      );
    case 'propose':
      return (
        <form
          class="capture"
          onSubmit={(e) => {
            e.preventDefault();
            const amount = parseAmount(money.amount);
            if (amount !== undefined && Number.isFinite(amount))
              onFact({ kind: 'proposal-sent', value: { amount, currency: money.currency } });
          }}
        >
          <AmountField label={t('proposal')} money={money} onChange={setMoney} required />
          <button type="submit">{t('sendProposal')}</button>
          {deal.value && (
            <span class="muted">{formatMoney(deal.value.amount, deal.value.currency, locale)}</span>
          )}
        </form>
      );
    case 'evaluate':
      return (
        <FactButton
          done={!!deal.facts.feedbackAt}
          label={t('feedback')}
          onClick={() => onFact({ kind: 'feedback' })}
        />
      );
    case 'negotiate':
      return (
        <FactButton
          done={!!deal.facts.termsAgreedAt}
          label={t('terms')}
          onClick={() => onFact({ kind: 'terms-agreed' })}
        />
      );
    case 'order':
      return (
        <FactButton done={!!deal.facts.paidAt} label={t('paid')} onClick={() => onFact({ kind: 'paid' })} />
      );
    case 'monitor':
      return (
        <div class="capture">
          <button type="button" onClick={onCheckIn}>
            {t('checkIn')}
          </button>
          {deal.facts.lastCheckInAt !== undefined && (
            <span class="muted">
              {t('lastCheckIn')}: {formatDate(deal.facts.lastCheckInAt, locale)}
            </span>
          )}
          <label>
            {t('cadence')}
            <input
              type="number"
              min={1}
              max={365}
              value={cadence}
              onInput={(e) => setCadence((e.target as HTMLInputElement).value)}
              onChange={() => {
                const days = Number(cadence);
                if (Number.isInteger(days) && days >= 1 && days <= 365) onFact({ kind: 'cadence', days });
              }}
            />
          </label>
        </div>
      );
    default:
      return null;
  }
}

function FactButton({ done, label, onClick }: { done: boolean; label: string; onClick(): void }) {
  return (
    <label class="inline capture">
      <input type="checkbox" checked={done} disabled={done} onChange={onClick} />
      {label}
    </label>
  );
}
