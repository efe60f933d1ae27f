import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messages';
import { providerForUrl } from '@/lib/webmail';
import { z } from '@/lib/zod';
import { createOverlay } from './overlay';
import { runPageMode } from './page-mode';
import { runWebmailMode } from './webmail-mode';

const refreshMessage = z.strictObject({ type: z.literal('badges/refresh') });

export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main() {
    // Registered for granted hosts and injected by "Scan this page": run once per page.
    const flag = '__pipelineScoutLoaded';
    const w = window as unknown as Record<string, unknown>;
    if (w[flag]) return;
    w[flag] = true;

    const send = createClient((message) => browser.runtime.sendMessage(message));
    const locale = navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
    const provider = providerForUrl(location.href, { testHosts: import.meta.env.PS_TEST_HOSTS === '1' });
    const overlay = createOverlay(document, {
      locale,
      mode: provider ? 'chip' : 'badge',
      onOpen: (target) =>
        void send('page/open-contact', { email: target.replace(/^name:/, '') }).catch(() => undefined),
    });
    const mode = provider
      ? runWebmailMode(document, provider, send, overlay)
      : runPageMode(document, send, overlay);
    // The E2E build marks the page so tests can wait for the script; release builds leave no trace.
    if (import.meta.env.PS_TEST_HOSTS === '1') document.documentElement.dataset.pipelineScoutTest = 'ready';

    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id || !refreshMessage.safeParse(message).success) return undefined;
      void mode.refresh();
      return undefined;
    });
  },
});
