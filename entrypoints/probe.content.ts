import { createClient } from '@/lib/messages/client';
import { watchForContactSignals } from '@/lib/detect/probe';
import { providerForUrl } from '@/lib/webmail/provider';

/** The runtime API without the polyfill: this script stays a few kilobytes on every page. */
type Runtime = { sendMessage(message: unknown): Promise<unknown> };
const runtime = (): Runtime =>
  ((globalThis as unknown as { browser?: { runtime: Runtime } }).browser ??
    (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome)!.runtime;

/**
 * What runs on every granted site: a quick look for anything the scanner could turn into a
 * contact, now or when the page changes. Only then is the scanner loaded, so the many pages
 * without people cost next to nothing.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main() {
    const flag = '__pipelineScoutProbe';
    const w = window as unknown as Record<string, unknown>;
    if (w[flag]) return;
    w[flag] = true;
    const send = createClient((message) => runtime().sendMessage(message));
    // Webmail always shows people (often only in attributes): the scanner comes at once.
    if (providerForUrl(location.href, { testHosts: import.meta.env.PS_TEST_HOSTS === '1' })) {
      send('page/activate', {}).catch(() => undefined);
      return;
    }
    // Off the page's load task, like the scanner.
    setTimeout(() => {
      watchForContactSignals(document, () => {
        if (import.meta.env.PS_TEST_HOSTS === '1')
          document.documentElement.dataset.pipelineScoutProbe = 'found';
        send('page/activate', {}).catch(() => undefined);
      });
      if (import.meta.env.PS_TEST_HOSTS === '1')
        document.documentElement.dataset.pipelineScoutProbe ??= 'watching';
    }, 0);
  },
});
