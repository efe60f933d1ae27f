import { useState } from 'preact/hooks';
import { STEPS } from '@/lib/pipeline';
import type { ContactDetail, RequestOf } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useLocale, useT } from '../i18n';

type Kind = RequestOf<'activities/add'>['kind'];

/** Notes, logged emails, calls and meetings, and stage changes, newest first. */
export function Timeline({ detail }: { detail: ContactDetail }) {
  const { send } = useApi();
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  const [kind, setKind] = useState<Kind>('note');
  const [text, setText] = useState('');
  const openDeal = detail.deals.find((d) => d.deal.status !== 'lost')?.deal;
  const entries = [
    ...detail.activities.map((a) => ({
      at: a.at,
      // An e-mail of a linked thread says which way it went; hand-logged entries say their kind.
      label: a.direction
        ? t(a.direction === 'out' ? 'threadMessageOut' : 'threadMessageIn')
        : t(
            (a.kind === 'check-in'
              ? 'checkInEntry'
              : a.kind === 'stage-change'
                ? 'history'
                : a.kind) as 'note',
          ),
      text: a.text,
    })),
    ...detail.deals.flatMap(({ deal }) =>
      deal.history.map((h) => ({
        at: h.at,
        label: deal.title,
        text: `${h.kind}: ${STEPS[h.to].label[locale]}${h.note ? ` — ${h.note}` : ''}`,
      })),
    ),
  ].sort((a, b) => b.at - a.at);

  return (
    <section class="timeline" aria-label={t('timeline')}>
      <h3>{t('timeline')}</h3>
      {action.error && <ErrorState error={action.error} />}
      <form
        class="log"
        onSubmit={(e) => {
          e.preventDefault();
          if (kind === 'note' && !text.trim()) return;
          void action
            .run(() =>
              send('activities/add', {
                contactId: detail.contact.id,
                dealId: openDeal?.id,
                kind,
                text: text.trim(),
              }),
            )
            .then((r) => r && setText(''));
        }}
      >
        <select
          aria-label={t('logActivity')}
          value={kind}
          onChange={(e) => setKind((e.target as HTMLSelectElement).value as Kind)}
        >
          {(['note', 'email', 'call', 'meeting'] as const).map((k) => (
            <option key={k} value={k}>
              {t(k)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('note')}
          value={text}
          maxLength={20000}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('logActivity')}</button>
      </form>
      <ol>
        {entries.slice(0, 100).map((e, i) => (
          <li key={i}>
            <time class="muted small" dateTime={new Date(e.at).toISOString()}>
              {new Date(e.at).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')}
            </time>{' '}
            <strong dir="auto">{e.label}</strong> <span dir="auto">{e.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
