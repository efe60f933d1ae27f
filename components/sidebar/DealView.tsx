import { useState } from 'preact/hooks';
import { exitCriterionMet, STEPS, type Deal } from '@/lib/pipeline';
import type { DealWithNext, RequestOf } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { NextStepLine } from '../NextStepLine';
import { StageChip } from '../StageChip';
import { SaveError } from './form';
import { formatMoney, useLocale, useT } from '../i18n';
import { DealEditor } from './DealEditor';
import { DealConflict } from './DealConflict';
import { StepCapture } from './StepCapture';
import { Stepper } from './Stepper';
import { ReplyAnswers } from './ReplyAnswers';

type Pending =
  { kind: 'override' } | { kind: 'lose' } | { kind: 'referral' } | { kind: 'schedule' } | undefined;

export function DealView({
  item,
  contactId,
  now,
  onReload,
}: {
  item: DealWithNext;
  contactId: string;
  now(): number;
  onReload(): void;
}) {
  const { send } = useApi();
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  const [pending, setPending] = useState<Pending>();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const { deal, next } = item;
  const version = deal.version;

  const transition = (act: RequestOf<'deals/transition'>['action'], note?: string) =>
    action
      .run(() => send('deals/transition', { dealId: deal.id, expectedVersion: version, action: act, note }))
      .then((done) => {
        // A failed save keeps what the rep typed, so nothing is lost.
        if (!done) return;
        setPending(undefined);
        setText('');
      });
  const fact = (f: RequestOf<'deals/fact'>['fact']) =>
    action.run(() => send('deals/fact', { dealId: deal.id, expectedVersion: version, fact: f }));
  const onAdvance = () =>
    exitCriterionMet(deal, now()) ? transition('advance') : setPending({ kind: 'override' });

  const referral = async () => {
    const value = text.trim();
    if (!value) return;
    await action.run(async () => {
      const isEmail = value.includes('@');
      const { contact } = await send('contacts/add', {
        contact: {
          name: isEmail ? undefined : value,
          emails: isEmail ? [value] : [],
          phones: [],
          profiles: [],
          detectors: ['referral'],
        },
      });
      await send('deals/restart', {
        dealId: deal.id,
        expectedVersion: version,
        kind: 'referral',
        contactId: contact.id,
      });
      setPending(undefined);
      setText('');
    });
  };

  return (
    <article class="deal" aria-label={deal.title}>
      <header class="deal-head">
        <h3 dir="auto">{deal.title}</h3>
        <StageChip step={deal.step} status={deal.status} />
        {deal.value && (
          <span class="muted">{formatMoney(deal.value.amount, deal.value.currency, locale)}</span>
        )}
        <button
          type="button"
          class="link"
          aria-expanded={editing}
          aria-label={`${t('editDeal')}: ${deal.title}`}
          onClick={() => setEditing(!editing)}
        >
          {t('editDeal')}
        </button>
      </header>
      {editing && <DealEditor deal={deal} onDone={() => setEditing(false)} onReload={onReload} />}
      <DealConflict dealId={deal.id} />
      <Stepper deal={deal} />
      {next && <NextStepLine next={next} />}
      <p class="muted small">{STEPS[deal.step].guidance[locale]}</p>
      <SaveError error={action.error} what="conflict" onReload={() => (action.clear(), onReload())} />
      <ReplyAnswers deal={deal} onReload={onReload} />
      <StepCapture
        deal={deal}
        onFact={fact}
        onCheckIn={() =>
          action.run(() => send('activities/add', { contactId, dealId: deal.id, kind: 'check-in', text: '' }))
        }
      />
      <div class="actions wrap">
        {deal.status !== 'lost' && deal.step !== 'nurture' && (
          <button type="button" class="primary" disabled={action.busy} onClick={onAdvance}>
            {deal.step === 'order' ? t('win') : t('advance')}
          </button>
        )}
        {deal.status !== 'lost' &&
          deal.step !== 'identify' &&
          !(deal.status === 'won' && deal.step === 'monitor') && (
            <button type="button" disabled={action.busy} onClick={() => transition('back')}>
              {t('back')}
            </button>
          )}
        {deal.status === 'open' && (
          <button type="button" disabled={action.busy} onClick={() => setPending({ kind: 'lose' })}>
            {t('lose')}
          </button>
        )}
        {deal.status === 'lost' && (
          <button type="button" disabled={action.busy} onClick={() => transition('reopen')}>
            {t('reopen')}
          </button>
        )}
        {deal.step === 'nurture' && deal.status !== 'lost' && (
          <>
            <button type="button" disabled={action.busy} onClick={() => setPending({ kind: 'referral' })}>
              {t('referral')}
            </button>
            <button
              type="button"
              disabled={action.busy}
              onClick={() =>
                action.run(() =>
                  send('deals/restart', { dealId: deal.id, expectedVersion: version, kind: 'repeat' }),
                )
              }
            >
              {t('repeatOrder')}
            </button>
          </>
        )}
        {deal.status !== 'lost' && (
          <button type="button" class="link" onClick={() => setPending({ kind: 'schedule' })}>
            {t('nextAction')}
          </button>
        )}
      </div>
      {pending && (
        <form
          class="pending"
          onSubmit={(e) => {
            e.preventDefault();
            if (pending.kind === 'override' && text.trim()) void transition('advance', text.trim());
            else if (pending.kind === 'lose' && (text.trim() || deal.step === 'identify'))
              void transition('lose', text.trim() || 'disqualified');
            else if (pending.kind === 'referral') void referral();
            else if (pending.kind === 'schedule' && text.trim() && date) {
              void action
                .run(() =>
                  send('deals/schedule', {
                    dealId: deal.id,
                    expectedVersion: version,
                    nextAction: { text: text.trim(), due: new Date(`${date}T09:00`).getTime() },
                  }),
                )
                .then((done) => done && setPending(undefined));
            }
          }}
        >
          <label>
            {pending.kind === 'override'
              ? `${t('overrideNote')} (${STEPS[deal.step].exitCriterion[locale]})`
              : pending.kind === 'lose'
                ? t('lostReason')
                : pending.kind === 'referral'
                  ? t('referredContact')
                  : t('nextAction')}
            <input
              value={text}
              maxLength={2000}
              onInput={(e) => setText((e.target as HTMLInputElement).value)}
              autoFocus
              required={pending.kind !== 'lose' || deal.step !== 'identify'}
            />
          </label>
          {pending.kind === 'schedule' && (
            <input
              type="date"
              aria-label={t('dueOn')}
              value={date}
              onInput={(e) => setDate((e.target as HTMLInputElement).value)}
              required
            />
          )}
          <button type="submit" class="primary">
            {t('save')}
          </button>
          <button type="button" onClick={() => (setPending(undefined), setText(''))}>
            {t('cancel')}
          </button>
        </form>
      )}
      <History deal={deal} />
    </article>
  );
}

function History({ deal }: { deal: Deal }) {
  const t = useT();
  const locale = useLocale();
  return (
    <details class="history">
      <summary>{t('history')}</summary>
      <ol>
        {[...deal.history].reverse().map((h, i) => (
          <li key={i}>
            <time dateTime={new Date(h.at).toISOString()}>
              {new Date(h.at).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')}
            </time>{' '}
            {h.kind}: {h.from ? `${STEPS[h.from].label[locale]} → ` : ''}
            {STEPS[h.to].label[locale]}
            {h.note && (
              <span class="muted" dir="auto">
                {' '}
                — {h.note}
              </span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
