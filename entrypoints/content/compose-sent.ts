import type { Send } from '@/lib/messages/client';
import { composeRecipients, composeWindowOf } from '@/lib/webmail/compose';
import { isSendControl } from '@/lib/webmail/send-label';

const MAX_TRACKED = 20;

/**
 * Sent is logged (#19): remembers which templates went into which compose editor and, when that
 * window is sent (its Send button, or Ctrl/Cmd+Enter in the editor), tells the background once
 * per template, with the recipients read before the window closes. A scheduled send ("Send later",
 * "Schedule send") is not logged: see lib/webmail/send-label.
 */
export function watchSends(doc: Document, send: Send) {
  const tracked = new Map<HTMLElement, Set<string>>();

  const report = (editor: HTMLElement) => {
    const ids = tracked.get(editor);
    if (!ids) return;
    tracked.delete(editor);
    const recipients = composeRecipients(editor);
    for (const templateId of ids)
      void send('compose/sent', { templateId, recipients })
        .then(() => {
          // The E2E build counts the answered reports, so a test can wait for them; release builds leave no trace.
          if (import.meta.env.PS_TEST_HOSTS === '1') {
            const root = doc.documentElement.dataset;
            root.pipelineScoutSent = String(Number(root.pipelineScoutSent ?? 0) + 1);
          }
        })
        .catch(() => undefined);
  };
  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted || !tracked.size) return;
    const button = (e.target as Element | null)?.closest?.('button, [role="button"]');
    if (!button || !isSendControl(button)) return;
    for (const editor of tracked.keys()) if (composeWindowOf(editor).contains(button)) report(editor);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    for (const editor of tracked.keys()) if (editor.contains(e.target as Node)) report(editor);
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);

  return {
    /** A template was inserted into this editor. */
    track(editor: HTMLElement, templateId: string) {
      for (const old of tracked.keys()) if (!old.isConnected) tracked.delete(old);
      if (tracked.size >= MAX_TRACKED && !tracked.has(editor)) return;
      tracked.set(editor, (tracked.get(editor) ?? new Set()).add(templateId));
    },
    stop() {
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
      tracked.clear();
    },
  };
}
