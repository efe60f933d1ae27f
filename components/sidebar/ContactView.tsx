import { useState } from 'preact/hooks';
import { wireOf, type ContactDetail, type TabContact } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { ContactSummary } from '../ContactSummary';
import { GuessedAddress } from '../GuessedAddress';
import { FitBadge, FitReasons } from '../FitBadge';
import { ErrorState } from '../States';
import { formatDate, useLocale, useT } from '../i18n';
import { DealView } from './DealView';
import { formatPhone } from '../phone';
import { Timeline } from './Timeline';
import { ContactEditor } from './ContactEditor';
import { Duplicates, MergeWith } from './Duplicates';
import { ForgetPerson, type Forgotten } from './Forget';
import { StoredRecord } from './StoredRecord';
import { Suggestions } from './Suggestions';
import { Threads } from './Threads';

export function ContactView({
  detail,
  now,
  onReload,
  onForgotten,
}: {
  detail: ContactDetail;
  now(): number;
  onReload(): void;
  onForgotten(f: Forgotten): void;
}) {
  const { send } = useApi();
  const [editing, setEditing] = useState(false);
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  const { contact } = detail;
  const hasOpen = detail.deals.some((d) => d.deal.status === 'open');
  return (
    <section class="contact" aria-label={contact.name || contact.emails[0]}>
      <ContactSummary
        name={contact.name}
        title={contact.title}
        company={contact.company}
        email={contact.emails[0]}
      >
        {contact.fit && (
          <div class="chips">
            <FitBadge verdict={contact.fit.verdict} score={contact.fit.score} />
          </div>
        )}
        {contact.fit && <FitReasons reasons={contact.fit.reasons} />}
        {contact.proposedEmail && (
          <GuessedAddress
            proposal={contact.proposedEmail}
            busy={action.busy}
            onConfirm={() =>
              action.run(async () => {
                await send('contacts/confirm-address', { id: contact.id, expectedVersion: contact.version });
                onReload();
              })
            }
          />
        )}
        {contact.phones.length > 0 && (
          <span class="muted small">{contact.phones.map(formatPhone).join(' · ')}</span>
        )}
        {detail.referredBy && (
          <span class="muted small">
            {t('referredBy')}: {detail.referredBy.name}
          </span>
        )}
      </ContactSummary>
      <div class="actions wrap">
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('editContact')}
        </button>
        <MergeWith contact={contact} onReload={onReload} />
        <ForgetPerson detail={detail} onForgotten={onForgotten} />
      </div>
      {editing && <ContactEditor contact={contact} onDone={() => setEditing(false)} onReload={onReload} />}
      <Suggestions contact={contact} onReload={onReload} />
      <Duplicates contact={contact} onReload={onReload} />
      {contact.sources.length > 0 && (
        <details class="sources">
          <summary>{t('sources')}</summary>
          <ul>
            {contact.sources.slice(-10).map((s, i) => (
              <li key={i} class="small">
                {s.detector} · {formatDate(s.seenAt, locale)} · <span dir="auto">{safeHost(s.url)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {action.error && <ErrorState error={action.error} />}
      <h3>{t('deals')}</h3>
      {detail.deals.length === 0 && <p class="muted">{t('noDeals')}</p>}
      {!hasOpen && (
        <button
          type="button"
          class="primary"
          onClick={() => action.run(() => send('deals/start', { contactId: contact.id }))}
        >
          {t('startDeal')}
        </button>
      )}
      {detail.deals.map((item) => (
        <DealView
          key={`${item.deal.id}:${item.deal.version}`}
          item={item}
          contactId={contact.id}
          now={now}
          onReload={onReload}
        />
      ))}
      <Threads contactId={contact.id} deals={detail.deals.map((d) => d.deal)} now={now} />
      <Timeline detail={detail} />
      <StoredRecord contactId={contact.id} version={contact.version} />
    </section>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** A contact seen on the page but not saved: save it, then it gets its deals. */
export function UnsavedContact({ contact }: { contact: TabContact }) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const { fit } = contact;
  const wire = wireOf(contact);
  return (
    <section class="contact">
      <ContactSummary
        name={contact.name}
        title={contact.title}
        company={contact.company}
        email={contact.emails[0]}
      >
        <div class="chips">
          <FitBadge verdict={fit.verdict} score={fit.score} />
          <span class="muted small">{t('notSaved')}</span>
        </div>
        <FitReasons reasons={fit.reasons} />
        {contact.proposed && (
          <GuessedAddress
            proposal={contact.proposed}
            busy={saved || action.busy}
            onConfirm={() =>
              action.run(async () => {
                const confirmed = {
                  ...wire,
                  emails: [...wire.emails, contact.proposed!.address],
                  companyDomain: wire.companyDomain ?? contact.proposed!.domain,
                };
                const { contact: stored } = await send('contacts/add', { contact: confirmed });
                await send('focus/set', { contactId: stored.id });
                setSaved(true);
              })
            }
          />
        )}
      </ContactSummary>
      {action.error && <ErrorState error={action.error} />}
      <button
        type="button"
        class="primary"
        disabled={saved || action.busy}
        onClick={() =>
          action.run(async () => {
            const { contact: stored } = await send('contacts/add', {
              contact: wire,
              proposedEmail: contact.proposed,
            });
            await send('focus/set', { contactId: stored.id });
            setSaved(true);
          })
        }
      >
        {t('addContact')}
      </button>
    </section>
  );
}
