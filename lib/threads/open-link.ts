import type { Provider } from '../webmail/types';

/** Provider thread ids: Gmail's hex id or address token, Outlook's conversation id. Anything else is refused. */
const GMAIL_ID = /^[A-Za-z0-9_-]{8,200}$/;
const HEX = /^[0-9a-f]+$/i;
const OUTLOOK_ID = /^[A-Za-z0-9+/=_-]{8,400}$/;
const OUTLOOK_ORIGINS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
] as const;

export interface OpenLinkInput {
  provider: Provider;
  threadId: string;
  /** Gmail's account slot (`/mail/u/N/`), taken from the page address, never from its text. */
  account?: number;
  /** Outlook's origin the thread was read on (work, school or personal). */
  origin?: string;
}

/**
 * The "Open" link of a thread: built from the provider and the thread id only, always on the
 * provider's own origin; undefined when the id does not look like the provider's.
 */
export function openLinkOf(input: OpenLinkInput): string | undefined {
  if (input.provider === 'gmail') {
    if (!GMAIL_ID.test(input.threadId)) return undefined;
    const slot =
      Number.isInteger(input.account) && input.account! >= 0 && input.account! < 100 ? input.account : 0;
    return `https://mail.google.com/mail/u/${slot}/#all/${HEX.test(input.threadId) ? input.threadId.toLowerCase() : input.threadId}`;
  }
  if (!OUTLOOK_ID.test(input.threadId)) return undefined;
  const origin = OUTLOOK_ORIGINS.find((o) => o === input.origin) ?? OUTLOOK_ORIGINS[0];
  return `${origin}/mail/inbox/id/${encodeURIComponent(input.threadId)}`;
}

/** Gmail's account slot and Outlook's origin, from the page address (nothing else). */
export function mailboxOf(url: string): { account?: number; origin?: string } {
  try {
    const u = new URL(url);
    const slot = /^\/mail\/u\/(\d{1,2})\//.exec(u.pathname);
    return { account: slot ? Number(slot[1]) : undefined, origin: u.origin };
  } catch {
    return {};
  }
}
