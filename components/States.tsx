import type { ComponentChildren } from 'preact';
import type { StoreErrorCode } from '@/lib/messages';
import { useT, type MessageKey } from './i18n';

export function Loading() {
  const t = useT();
  return (
    <p class="muted" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty muted">{children}</p>;
}

/** Errors the background answers with in English for the log, shown to the rep from the i18n table. */
const EXPLAINED: Partial<Record<StoreErrorCode, MessageKey>> = {
  unavailable: 'storageError',
  suppressed: 'suppressedNotSaved',
};

/** An error said plainly; storage failures and refusals get the explanation a rep needs, in their language. */
export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const t = useT();
  const key = EXPLAINED[(error as { code?: string }).code as StoreErrorCode];
  const text = key ? t(key) : error.message;
  return (
    <div class="error" role="alert">
      <p>{text}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
