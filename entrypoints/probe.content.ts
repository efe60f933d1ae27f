import { createClient } from '@/lib/messages/client';
import { watchForContactSignals } from '@/lib/detect/probe';
import { providerForUrl } from '@/lib/webmail/provider';
import { firstRunInPage } from './content/first-run';
import { requireRuntime } from './content/runtime';

/**
 * What runs on every granted site: a quick look for anything the scanner could turn into a
 * contact, now or when the page changes. Only then is the scanner loaded, so the many pages
 * without people cost next to nothing.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main() {
    if (!firstRunInPage('__pipelineScoutProbe')) return;
    const testBuild = import.meta.env.PS_TEST_HOSTS === '1';
    const send = createClient((message) => requireRuntime().sendMessage(message));
    const activate = () => {
      if (testBuild) document.documentElement.dataset.pipelineScoutProbe = 'found';
      send('page/activate', {}).catch(() => undefined);
    };
    // Webmail always shows people (often only in attributes): the scanner comes at once.
    if (providerForUrl(location.href, { testHosts: testBuild })) return activate();
    // Off the page's load task, like the scanner.
    setTimeout(() => {
      watchForContactSignals(document, activate);
      if (testBuild) document.documentElement.dataset.pipelineScoutProbe ??= 'watching';
    }, 0);
  },
});
