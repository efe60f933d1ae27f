import { useCallback, useLayoutEffect, type MutableRef } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n';
import { ErrorState } from '../States';
import { useT } from '../i18n';

/**
 * Focus moves into a form when it opens (its first field) and back to what had it (the button
 * that opened it) when it closes, so the keyboard never loses its place.
 */
export function useFocusOnOpen(ref: MutableRef<HTMLElement | null>) {
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
}

/** A keydown handler that cancels on Escape. */
export function useEscape(cancel: () => void) {
  return useCallback(
    (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      cancel();
    },
    [cancel],
  );
}

/** A failed save said plainly; a stale version says so and offers Reload instead. */
export function SaveError({
  error,
  what,
  onReload,
}: {
  error: Error | undefined;
  what: MessageKey;
  onReload(): void;
}) {
  const t = useT();
  if (!error) return null;
  if ((error as { code?: string }).code !== 'conflict') return <ErrorState error={error} />;
  return (
    <div class="error" role="alert">
      <p>{t(what)}</p>
      <button type="button" onClick={onReload}>
        {t('reload')}
      </button>
    </div>
  );
}
