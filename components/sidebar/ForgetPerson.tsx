import { useState } from 'preact/hooks';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useT } from '../i18n';

/** "Forget this person": asks once, then deletes the contact, their deals and notes (a tombstone for the team). */
export function ForgetPerson({ contactId, onDone }: { contactId: string; onDone(): void }) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" class="link" onClick={() => setAsking(true)}>
        {t('forgetPerson')}
      </button>
    );
  return (
    <div role="alert">
      <p>{t('forgetConfirm')}</p>
      {action.error && <ErrorState error={action.error} />}
      <button
        type="button"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await send('contacts/forget', { id: contactId });
            onDone();
          })
        }
      >
        {t('forgetNow')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}
