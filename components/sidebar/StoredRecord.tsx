import { useState } from 'preact/hooks';
import type { PersonRecordView } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { formatDate, useLocale, useT } from '../i18n';
import { ErrorState } from '../States';
import { download } from '../options/download';

const fileName = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'contact';

/**
 * "What is stored about this person": every record that mentions them, and the JSON and vCard a
 * rep hands over when someone asks. Read when opened, so it is current.
 */
export function StoredRecord({ contactId, version }: { contactId: string; version: number }) {
  const { send } = useApi();
  const t = useT();
  const locale = useLocale();
  const action = useAction();
  const [view, setView] = useState<PersonRecordView>();
  const load = () =>
    void action.run(() => send('contacts/record', { id: contactId })).then((v) => v && setView(v));
  return (
    <details
      class="stored"
      key={`${contactId}:${version}`}
      onToggle={(e) => (e.target as HTMLDetailsElement).open && load()}
    >
      <summary>{t('stored')}</summary>
      {action.error && <ErrorState error={action.error} />}
      {view && (
        <div data-loaded="true">
          <p class="small">
            {t('storedContact')}: <span dir="auto">{view.contact.name || view.contact.emails[0]}</span> ·{' '}
            {view.contact.emails.length + view.contact.phones.length + view.contact.profiles.length} ·{' '}
            {formatDate(view.contact.createdAt, locale)}
          </p>
          <p class="small" data-count="deals">
            {view.deals.length} {t('dealsCount')}
            {view.deals.length > 0 && `: ${view.deals.map((d) => d.title).join(', ')}`}
          </p>
          <p class="small" data-count="activities">
            {view.activities.length} {t('activitiesCount')}
          </p>
          <p class="small" data-count="threads">
            {view.threads.length} {t('threadsCount')}
            {view.threads.length > 0 && ':'}
          </p>
          {view.threads.length > 0 && (
            <ul class="small stored-threads">
              {view.threads.map((thread) => (
                <li key={thread.id} data-thread={thread.id}>
                  <span dir="auto">{thread.subject || t('threadNoSubject')}</span>
                  {` · ${thread.messages.length} ${t('storedMessages')}`}
                  {thread.lastAt !== undefined && ` · ${formatDate(thread.lastAt, locale)}`}
                  {thread.contactId !== view.contact.id && ` · ${t('storedMentioned')}`}
                </li>
              ))}
            </ul>
          )}
          {view.referrals.length > 0 && (
            <p class="small">
              {t('referrals')}: {view.referrals.map((r) => r.name).join(', ')}
            </p>
          )}
          {view.suppressed && <p class="small muted">{t('suppressedNote')}</p>}
          <div class="actions">
            <button
              type="button"
              onClick={() => download(`${fileName(view.contact.name)}.json`, view.json, 'application/json')}
            >
              {t('exportJson')}
            </button>
            <button
              type="button"
              onClick={() => download(`${fileName(view.contact.name)}.vcf`, view.vcard, 'text/vcard')}
            >
              {t('exportVcard')}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
