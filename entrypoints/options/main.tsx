import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Root } from '@/components/Root';
import { Options } from '@/components/options/Options';
import type { AccessKind } from '@/components/options/AccessSection';
import { extensionApi, loadLocale } from '@/components/platform';
import { ALL_SITES_PATTERN, WEBMAIL_HOST_PATTERNS } from '@/lib/permissions/hosts';

const ORIGINS: Record<AccessKind, string[]> = {
  webmail: [...WEBMAIL_HOST_PATTERNS],
  allSites: [ALL_SITES_PATTERN],
};

const api = extensionApi();
const locale = await loadLocale(api);
// Ask the browser to keep our data under storage pressure (best effort).
void navigator.storage?.persist?.().catch(() => false);
render(
  <Root api={api} locale={locale}>
    <Options
      request={(kind) => browser.permissions.request({ origins: ORIGINS[kind] })}
      revoke={(kind) => browser.permissions.remove({ origins: ORIGINS[kind] })}
      requestOrigin={(pattern) => browser.permissions.request({ origins: [pattern] })}
    />
  </Root>,
  document.getElementById('app')!,
);
