import type { ComponentChildren } from 'preact';
import { useCallback, useLayoutEffect, useRef, type MutableRef } from 'preact/hooks';
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

/**
 * The shell of every edit form in the sidebar: focus moves in on open and back on close, Enter in
 * a field submits, Escape cancels; the actions row has the submit button, Cancel and any extras.
 */
export function EditorForm({
  label,
  onSubmit,
  onCancel,
  busy,
  submitLabel,
  danger,
  role,
  extraActions,
  children,
}: {
  label: string;
  onSubmit(): void;
  onCancel(): void;
  busy: boolean;
  submitLabel?: string;
  /** A destructive confirmation (alertdialog styling, red submit). */
  danger?: boolean;
  role?: 'alertdialog';
  extraActions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnOpen(form);
  const onKeyDown = useEscape(onCancel);
  return (
    <form
      ref={form}
      role={role}
      class={danger ? 'confirm' : 'editor'}
      aria-label={label}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div class="actions wrap">
        <button type="submit" class={danger ? 'danger' : 'primary'} disabled={busy}>
          {submitLabel ?? t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
