import type { Region } from '../contacts/phone';
import { readGmail } from './gmail';
import { readOutlook } from './outlook';
import { providerForUrl } from './provider';
import type { AnchorHealth, MailView, MessageCache, Provider } from './types';

export * from './types';
export { GMAIL_ANCHORS } from './gmail';
export { OUTLOOK_ANCHORS } from './outlook';
export { parseSignature } from '../text/signature';
export { textLines } from '../text/lines';
export { createHealth } from './anchors';
export { mailContacts } from './mail-contacts';
export { forgetAround } from './cache';
export { providerForUrl } from './provider';
export { ownKeys, isOwn } from './self';

/** The open mail view, or null when the page shows no message, list row or compose window. */
export function readMailView(
  doc: Document,
  url: string | undefined,
  options: {
    testHosts?: boolean;
    health?: AnchorHealth;
    region?: Region;
    provider?: Provider;
    cache?: MessageCache;
  } = {},
): MailView | null {
  const provider = options.provider ?? providerForUrl(url, options);
  if (!provider) return null;
  const view =
    provider === 'gmail'
      ? readGmail(doc, options.health, options.region, options.cache, url)
      : readOutlook(doc, options.health, options.region, options.cache, url);
  if (!view.messages.length && !view.list.length && !view.compose.length) return null;
  return view;
}

/** The view as JSON (elements dropped), as the scan CLI prints it. */
export function mailViewJson(view: MailView) {
  return {
    provider: view.provider,
    subject: view.subject ?? null,
    threadId: view.threadId ?? null,
    owner: view.owner ?? null,
    ...(view.ownerName ? { ownerName: view.ownerName } : {}),
    messages: view.messages.map((m) => ({
      id: m.id ?? null,
      from: m.from ?? null,
      to: m.to,
      cc: m.cc,
      date: m.date ?? null,
      signature: m.signature ?? null,
      collapsed: m.collapsed,
      ...(m.folded ? { folded: true } : {}),
    })),
    list: view.list.map((l) => l.participant),
    compose: view.compose.map((c) => c.participant),
  };
}
