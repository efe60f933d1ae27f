import { resolveLocale } from '@/lib/i18n/locale';
import { providerForUrl } from '@/lib/webmail/provider';
import { runCompose } from './content/compose';
import { scannerMain } from './content/start';
import { runWebmailMode } from './content/webmail-mode';

/**
 * The webmail scanner (webmail.js): Gmail and Outlook only, so web pages never load the webmail
 * readers and webmail never loads the page reader. The background sends it only where
 * `providerForUrl` names a provider; anywhere else it leaves the page alone.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main() {
    const provider = providerForUrl(location.href, { testHosts: import.meta.env.PS_TEST_HOSTS === '1' });
    if (!provider) return;
    scannerMain('chip', ({ send, overlay }) => {
      const mail = runWebmailMode(document, provider, send, overlay);
      // Compose templates (#19): the button in Gmail's and Outlook's compose windows.
      const compose = runCompose(document, send, resolveLocale(navigator.language));
      return {
        refresh: () => mail.refresh(),
        stop() {
          mail.stop();
          compose.stop();
        },
      };
    })();
  },
});
