import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Root } from '@/components/Root';
import { Sidebar } from '@/components/sidebar/Sidebar';
import { browserLocale } from '@/components/i18n';
import { extensionApi, loadLocale, targetTabId } from '@/components/platform';

const api = extensionApi();
const app = document.getElementById('app')!;
let locale = browserLocale();
let tabId: number | undefined;

const show = () =>
  render(
    <Root api={api} locale={locale}>
      <Sidebar tabId={tabId} />
    </Root>,
    app,
  );

// The sidebar follows the tab in front of the rep.
async function follow() {
  tabId = await targetTabId();
  show();
}
void follow();
void loadLocale(api).then((chosen) => {
  if (chosen !== locale) {
    locale = chosen;
    show();
  }
});
browser.tabs.onActivated.addListener(() => void follow());
