import type { Region } from '../contacts/phone';
import { phoneValue } from '../contacts/phone';
import { findEmailsInText, mailtoAddresses } from '../text/emails';
import { decodeSafe } from '../text/decode';
import { NANP_SHAPE, PHONE_RUN } from './line-phones';

/**
 * Asks, cheaply and ahead of detection, the questions detection of `el` will put to the tables
 * (lib/contacts/checks.ts): the addresses in its text and mailto links, the numbers in its text
 * and tel: links. Where answers are remote (the content script) one batched question before a
 * slice spares running each chunk twice; what this misses, detection still asks.
 */
export function askAhead(el: Element, region: Region | undefined): void {
  const text = el.textContent ?? '';
  findEmailsInText(text);
  for (const m of text.matchAll(PHONE_RUN)) {
    const raw = m[0].trim();
    phoneValue(raw, region);
    if (!region && NANP_SHAPE.test(raw)) phoneValue(raw, 'US');
  }
  for (const a of el.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    // Nothing but a mailto: link has addresses.
    mailtoAddresses(href);
    if (/^tel:/i.test(href)) phoneValue(decodeSafe(href.slice(4)), region);
  }
}
