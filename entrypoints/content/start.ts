import { resolveLocale } from '@/lib/i18n/locale';
import { createClient, type Send } from '@/lib/messages/client';
import { checkContentCommand } from '@/lib/messages/content-command';
import { firstRunInPage } from './first-run';
import { createLifeline, type Lifeline } from './lifeline';
import { createOverlay } from './overlay';
import { contentRuntime, requireRuntime, type MessageListener } from './runtime';

/** What a scanner mode gets from the wiring both content scripts share. */
export type ScannerWiring = {
  send: Send;
  overlay: ReturnType<typeof createOverlay>;
  lifeline: Lifeline;
};
export type ScannerMode = { refresh(): unknown; stop(): void };

/**
 * The `main` of a scanner: the page script (content.js) and the webmail script (webmail.js) are
 * built apart so each page loads only its own mode, and share everything else. One scanner per
 * page: both hold the same flag, so an injection after a registered load (or the other script)
 * finds the page taken.
 */
export function scannerMain(overlayMode: 'badge' | 'chip', run: (wiring: ScannerWiring) => ScannerMode) {
  return () => {
    const lifeline = createLifeline(() => contentRuntime()?.id);
    if (!firstRunInPage('__pipelineScoutLoaded', lifeline.alive)) return;
    // Start in a task of its own: evaluating this script and the first read never add up to one long task.
    setTimeout(() => start(lifeline, overlayMode, run), 0);
  };
}

function start(
  lifeline: Lifeline,
  overlayMode: 'badge' | 'chip',
  run: (wiring: ScannerWiring) => ScannerMode,
) {
  const send = createClient(lifeline.guard((message) => requireRuntime().sendMessage(message)));
  const overlay = createOverlay(document, {
    locale: resolveLocale(navigator.language),
    mode: overlayMode,
    onOpen: (target) => void send('page/open-contact', { key: target }).catch(() => undefined),
  });
  const mode = run({ send, overlay, lifeline });
  // The E2E build marks the page so tests can wait for the script; release builds leave no trace.
  if (import.meta.env.PS_TEST_HOSTS === '1') document.documentElement.dataset.pipelineScoutTest = 'ready';

  const listener: MessageListener = (message, sender) => {
    if (sender.id !== contentRuntime()?.id) return undefined;
    const command = checkContentCommand(message);
    if (command?.type === 'badges/refresh') void mode.refresh();
    return undefined;
  };
  requireRuntime().onMessage.addListener(listener);
  // A reloaded or updated extension: this script stops for good (no observer, no badges, no
  // retries) and a fresh load of the new version may take the page over.
  lifeline.onDeath(() => {
    mode.stop();
    overlay.destroy();
    contentRuntime()?.onMessage?.removeListener(listener);
  });
}
