import { render } from 'preact';
import { Root } from '@/components/Root';
import { Popup } from '@/components/popup/Popup';
import { extensionApi, openSidebarNow, resolveLocale, targetTabId } from '@/components/platform';

const api = extensionApi();
const [tabId, locale] = await Promise.all([targetTabId(), resolveLocale(api)]);
render(
  <Root api={api} locale={locale}>
    <Popup tabId={tabId} openSidebar={() => openSidebarNow(tabId)} />
  </Root>,
  document.getElementById('app')!,
);
