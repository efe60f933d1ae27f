import type { ComponentChildren } from 'preact';
import { useT } from './i18n';

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

/** An error said plainly; storage failures get the explanation a rep needs. */
export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const t = useT();
  const code = (error as { code?: string }).code;
  const text = code === 'unavailable' ? t('storageError') : error.message;
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
