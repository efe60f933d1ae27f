import type { Provider } from './types';

const OUTLOOK_HOSTS = new Set([
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
]);

/**
 * The provider of a page address. `testHosts` maps localhost fixture pages (`/gmail…`,
 * `/outlook…`) to the adapters, for the E2E build and the demo.
 */
export function providerForUrl(
  url: string | undefined,
  options: { testHosts?: boolean } = {},
): Provider | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'https:' && parsed.hostname === 'mail.google.com') return 'gmail';
  if (parsed.protocol === 'https:' && OUTLOOK_HOSTS.has(parsed.hostname)) return 'outlook';
  if (options.testHosts && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost')) {
    const file = parsed.pathname.split('/').at(-1) ?? '';
    if (file.startsWith('gmail')) return 'gmail';
    if (file.startsWith('outlook')) return 'outlook';
  }
  return undefined;
}
