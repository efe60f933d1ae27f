import type { Contact, FieldSuggestion } from '@/lib/contacts/contact';
import { useAction, useApi } from '../api';
import { useT } from '../i18n';
import { SaveError } from './form';

/** The latest suggestion per field: what a page or signature says that differs from the record. */
export function latestSuggestions(contact: Contact): FieldSuggestion[] {
  const byField = new Map<string, FieldSuggestion>();
  for (const s of contact.suggestions ?? []) byField.set(s.field, s);
  return [...byField.values()];
}

/** "The page now says Head of Sales — use it?": the rep takes it or keeps their value. */
export function Suggestions({ contact, onReload }: { contact: Contact; onReload(): void }) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const list = latestSuggestions(contact);
  if (!list.length) return null;
  const answer = (s: FieldSuggestion, use: boolean) =>
    action.run(() =>
      send('contacts/update', {
        id: contact.id,
        expectedVersion: contact.version,
        patch: use ? { [s.field]: s.value } : {},
        keep: use ? undefined : [s.field],
      }),
    );
  return (
    <ul class="plain suggestions" aria-label={t('suggestions')}>
      {list.map((s) => (
        <li key={s.field} class="suggestion">
          <span>
            {s.detector === 'signature' ? t('signatureNowSays') : t('pageNowSays')}{' '}
            <strong dir="auto">{s.value}</strong> — {t('useIt')}
          </span>{' '}
          <button type="button" disabled={action.busy} onClick={() => void answer(s, true)}>
            {t('useSuggestion')}
          </button>{' '}
          <button type="button" class="link" disabled={action.busy} onClick={() => void answer(s, false)}>
            {t('keepMine')}
          </button>
        </li>
      ))}
      <SaveError error={action.error} what="contactConflict" onReload={() => (action.clear(), onReload())} />
    </ul>
  );
}
