import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction, useApi, useQuery } from '../api';
import { ErrorState } from '../States';
import { useT } from '../i18n';

type Outcome = { kind: 'removed' | 'not-listed' | 'invalid'; email: string };

const OUTCOME_TEXT = {
  removed: 'neverSuggestRemoved',
  'not-listed': 'neverSuggestNotListed',
  invalid: 'neverSuggestInvalid',
} as const;

/** The background refuses an address it cannot normalise (or one too long for the message) as invalid. */
const unlessInvalid = (error: unknown) => {
  if ((error as { code?: string }).code === 'invalid') return undefined;
  throw error;
};

/**
 * The never-suggest list ("Forget, never suggest again"): how many addresses are on it, and a
 * field to allow one again. It holds only hashes, so it cannot be listed: the rep types the address.
 */
export function NeverSuggestSection() {
  const { send } = useApi();
  const t = useT();
  const stored = useQuery((s) => s('privacy/suppressed-count', {}), []);
  const action = useAction();
  const [email, setEmail] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  // The count the last allow answered with, until the list is read again.
  const [answered, setAnswered] = useState<number>();
  useEffect(() => setAnswered(undefined), [stored.data]);
  const field = useRef<HTMLInputElement>(null);
  const count = answered ?? stored.data?.count;

  const allow = () =>
    action.run(async () => {
      const typed = email.trim();
      if (!typed || action.busy) return;
      setOutcome(undefined);
      const r = await send('privacy/unsuppress', { email: typed }).catch(unlessInvalid);
      if (!r) return setOutcome({ kind: 'invalid', email: typed });
      setOutcome({ kind: r.removed ? 'removed' : 'not-listed', email: typed });
      setAnswered(r.count);
      if (r.removed) setEmail('');
      field.current?.focus();
    });

  return (
    <section aria-labelledby="never-suggest-title">
      <h2 id="never-suggest-title">{t('neverSuggestTitle')}</h2>
      {count !== undefined && <p>{t('neverSuggestCount', { count })}</p>}
      {stored.error && <ErrorState error={stored.error} onRetry={stored.reload} />}
      <p class="muted small" id="never-suggest-help">
        {t('neverSuggestHelp')}
      </p>
      <form
        class="actions wrap"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void allow();
        }}
      >
        <label for="never-suggest-email">{t('neverSuggestField')}</label>
        <input
          id="never-suggest-email"
          ref={field}
          type="email"
          autocomplete="off"
          spellcheck={false}
          maxLength={320}
          value={email}
          aria-describedby="never-suggest-help never-suggest-outcome"
          aria-invalid={outcome?.kind === 'invalid' ? true : undefined}
          onInput={(e) => {
            setEmail((e.target as HTMLInputElement).value);
            if (outcome?.kind === 'invalid') setOutcome(undefined);
          }}
        />
        <button type="submit" disabled={!email.trim() || action.busy}>
          {t('neverSuggestAllow')}
        </button>
      </form>
      {action.error && <ErrorState error={action.error} />}
      <p
        id="never-suggest-outcome"
        role="status"
        class={outcome?.kind === 'removed' ? 'ok' : outcome?.kind === 'invalid' ? 'error' : undefined}
      >
        {outcome && t(OUTCOME_TEXT[outcome.kind], { email: outcome.email })}
      </p>
    </section>
  );
}
