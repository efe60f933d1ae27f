import { render } from 'preact';
import { Root } from '@/components/Root';
import { Popup } from '@/components/popup/Popup';
import { endOfToday } from '@/lib/pipeline/end-of-today';
import { prefetching } from '@/components/prefetch';
import { browserLocale } from '@/components/i18n';
import { extensionApi, openSidebarNow, loadLocale, targetTabId } from '@/components/platform';
import type { Locale } from '@/lib/pipeline';

// Marks for the E2E timing: when the script ran, and (in Popup) when its data was on screen.
performance.mark('popup:script');
const api = prefetching(extensionApi());
const app = document.getElementById('app')!;
const show = (tabId: number | undefined, locale: Locale) =>
  render(
    <Root api={api} locale={locale}>
      <Popup tabId={tabId} openSidebar={() => openSidebarNow(tabId)} />
    </Root>,
    app,
  );

// Draw at once in the browser's language; switch if the rep chose another one in the options.
// The locale request goes out first: when the service worker sleeps, it wakes while the tab
// is looked up, not after.
const chosen = loadLocale(api);
// The popup's data goes out now too, not once the view is built (it takes these answers).
api.prefetch('deals/due', { until: endOfToday(Date.now()) });
const tabId = await targetTabId();
if (tabId !== undefined) api.prefetch('tab/state', { tabId });
const guess = browserLocale();
show(tabId, guess);
void chosen.then((locale) => locale !== guess && show(tabId, locale));
