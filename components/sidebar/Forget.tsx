import { useEffect, useState } from 'preact/hooks';
import type { ContactDetail, ForgetResult } from '@/lib/messages';
import { useAction, useApi, useQuery } from '../api';
import { useT } from '../i18n';
import { ErrorState } from '../States';
import { EditorForm } from './form';

export interface Forgotten extends ForgetResult {
  contactId: string;
  name: string;
}

/** "Forget this person": says what goes (deals, activities, threads only they are in), offers never-suggest-again, then deletes. */
export function ForgetPerson({
  detail,
  onForgotten,
}: {
  detail: ContactDetail;
  onForgotten(f: Forgotten): void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" class="link danger" onClick={() => setOpen(true)}>
        {t('forget')}
      </button>
    );
  return <ForgetDialog detail={detail} onCancel={() => setOpen(false)} onForgotten={onForgotten} />;
}

function ForgetDialog({
  detail,
  onCancel,
  onForgotten,
}: {
  detail: ContactDetail;
  onCancel(): void;
  onForgotten(f: Forgotten): void;
}) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [never, setNever] = useState(false);
  const { contact } = detail;
  // Counted by the background with forget's own rule: their threads go, unless others are in them
  // (those only lose the person).
  const preview = useQuery((s) => s('contacts/forget-preview', { id: contact.id }), [contact.id]);
  const count = (n: number | undefined) => n ?? '…';
  const kept = preview.data?.keptThreads ?? 0;
  return (
    <EditorForm
      role="alertdialog"
      danger
      label={t('forget')}
      submitLabel={t('forgetConfirm')}
      busy={action.busy}
      onCancel={onCancel}
      onSubmit={() =>
        void action
          .run(() => send('contacts/forget', { id: contact.id, suppress: never }))
          .then((result) => result && onForgotten({ ...result, contactId: contact.id, name: contact.name }))
      }
    >
      <p>
        {t('forgetExplain')}{' '}
        <strong data-count="deals">
          {count(preview.data?.deals)} {t('dealsCount')}
        </strong>
        ,{' '}
        <strong data-count="activities">
          {count(preview.data?.activities)} {t('activitiesCount')}
        </strong>
        ,{' '}
        <strong data-count="threads">
          {count(preview.data?.threads)} {t('threadsCount')}
        </strong>
        .
      </p>
      {kept > 0 && <p data-count="kept-threads">{t('forgetKeepsThreads', { count: kept })}</p>}
      {preview.error && <ErrorState error={preview.error} onRetry={preview.reload} />}
      {contact.emails.length > 0 && (
        <label class="inline">
          <input
            type="checkbox"
            checked={never}
            onChange={(e) => setNever((e.target as HTMLInputElement).checked)}
          />
          {t('neverSuggest')}
        </label>
      )}
      {action.error && <ErrorState error={action.error} />}
    </EditorForm>
  );
}

/** "Forgotten. Undo" until the background's undo window closes. */
export function UndoForget({
  forgotten,
  now,
  onUndone,
  onExpired,
}: {
  forgotten: Forgotten;
  now(): number;
  onUndone(): void;
  onExpired(): void;
}) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(onExpired, Math.max(0, forgotten.undoUntil - now()));
    return () => clearTimeout(timer);
  }, [forgotten.token]);
  return (
    <div class="undo" role="status" aria-live="polite">
      <span>
        {forgotten.name ? `${forgotten.name}: ` : ''}
        {failed ? t('undoFailed') : t('forgotten')}
      </span>{' '}
      {!failed && (
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            void action
              .run(() => send('contacts/forget-undo', { token: forgotten.token }))
              .then((r) => (r?.restored ? onUndone() : setFailed(true)))
          }
        >
          {t('undo')}
        </button>
      )}
    </div>
  );
}
