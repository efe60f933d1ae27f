import { render } from 'preact';
import { Root } from '@/components/Root';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { extensionApi, resolveLocale, targetTabId } from '@/components/platform';
import { browser } from 'wxt/browser';

const api = extensionApi();
const locale = await resolveLocale(api);
const app = document.getElementById('app')!;

// The sidebar follows the tab in front of the rep.
async function show() {
  const tabId = await targetTabId();
  render(
    <Root api={api} locale={locale}>
      <Sidebar tabId={tabId} />
    </Root>,
    app,
  );
}
void show();
browser.tabs.onActivated.addListener(() => void show());
