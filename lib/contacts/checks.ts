import { parse } from 'tldts';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { isFreeMailDomain } from '../data';

/**
 * The answers that need large tables: the public-suffix list (tldts), the phone metadata
 * (libphonenumber-js) and the free-mail providers (lib/data). Everything else in detection is plain code over strings and the DOM.
 * The content script is built with `checks-remote.ts` in place of this module (wxt.config.ts):
 * the page asks the background, which holds the tables once per wake, not once per tab.
 */
export interface DomainInfo {
  isIp: boolean;
  isIcann: boolean;
  /** The registrable domain ("acme.io" for "mail.eu.acme.io"). */
  domain: string | null;
  publicSuffix: string | null;
  /** The registrable domain is a free-mail provider's (gmail.com, web.de): it names no company. */
  freeMail: boolean;
}

/** What the public-suffix list says about a host name. */
export function domainInfo(host: string): DomainInfo {
  const info = parse(host, { allowPrivateDomains: false });
  return {
    isIp: info.isIp === true,
    isIcann: info.isIcann === true,
    domain: info.domain,
    publicSuffix: info.publicSuffix,
    freeMail: isFreeMailDomain(info.domain ?? undefined),
  };
}

/** The number in E.164 when libphonenumber reads `text` as a possible number in `region`. */
export function possiblePhone(text: string, region?: CountryCode): string | undefined {
  try {
    const parsed = parsePhoneNumberFromString(text, region);
    return parsed?.isPossible() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}

/** Whether answers may be missing (the content script's build); here they never are. */
export function uncheckedAnswers(): number {
  return 0;
}
