import { browser } from 'wxt/browser';
import { resolveLocale } from '@/lib/i18n/locale';
import { createClient } from '@/lib/messages/client';
import { providerForUrl } from '@/lib/webmail';
import { checkContentCommand } from '@/lib/messages/content-command';
import { firstRunInPage } from './first-run';
import { createLifeline, type Lifeline } from './lifeline';
import { createOverlay } from './overlay';
import { runPageMode } from './page-mode';
import { runWebmailMode } from './webmail-mode';
import { runCompose } from './compose';

export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main() {
    const lifeline = createLifeline(() => browser.runtime?.id);
    if (!firstRunInPage('__pipelineScoutLoaded', lifeline.alive)) return;

    // Start in a task of its own: evaluating this script and the first read never add up to one long task.
    setTimeout(() => start(lifeline), 0);
  },
});

function start(lifeline: Lifeline) {
  const send = createClient(lifeline.guard((message) => browser.runtime.sendMessage(message)));
  const locale = resolveLocale(navigator.language);
  const provider = providerForUrl(location.href, { testHosts: import.meta.env.PS_TEST_HOSTS === '1' });
  const overlay = createOverlay(document, {
    locale,
    mode: provider ? 'chip' : 'badge',
    onOpen: (target) => void send('page/open-contact', { key: target }).catch(() => undefined),
  });
  const mode = provider
    ? runWebmailMode(document, provider, send, overlay)
    : runPageMode(document, send, overlay, lifeline.isDead);
  // Compose templates (#19): only in Gmail and Outlook.
  const compose = provider ? runCompose(document, send, locale) : undefined;
  // The E2E build marks the page so tests can wait for the script; release builds leave no trace.
  if (import.meta.env.PS_TEST_HOSTS === '1') document.documentElement.dataset.pipelineScoutTest = 'ready';

  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const command = checkContentCommand(message);
    if (command?.type === 'badges/refresh') void mode.refresh();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  // A reloaded or updated extension: this script stops for good (no observer, no badges, no
  // retries) and a fresh load of the new version may take the page over.
  lifeline.onDeath(() => {
    mode.stop();
    compose?.stop();
    overlay.destroy();
    browser.runtime.onMessage?.removeListener(listener);
  });
}
