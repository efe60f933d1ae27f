import { createScanner, observeChanges, CONFIDENT, type ScanUpdate } from '@/lib/detect';
import { contactKey } from '@/lib/contacts/key';
import type { BadgeState, Send } from '@/lib/messages';
import { pageContacts } from './page-contacts';
import { MAX_BADGES, type createOverlay, type OverlayItem } from './overlay';
import { anchorOf, MAX_REPORTED, pageTextSample, toWire } from './wire';
import { retryDelay } from './lifeline';
import { createAsker } from './checks';

/**
 * Web pages: scan once in slices, then what changes. The first report is the whole page; later
 * ones carry only what changed, so a mutation costs what it changed, not the page.
 */
export function runPageMode(
  doc: Document,
  send: Send,
  overlay: ReturnType<typeof createOverlay>,
  isDead: () => boolean = () => false,
) {
  const contacts = pageContacts();
  const badges = new Map<string, BadgeState>();
  let pending: ScanUpdate[] = [];
  let reporting = false;

  const render = () => {
    const items: OverlayItem[] = [];
    for (const [key, contact] of contacts.read()) {
      // The overlay shows at most MAX_BADGES: a change on a 10,000-contact page stops there.
      if (items.length === MAX_BADGES) break;
      // Less certain finds get no badge: the popup lists them on request.
      if (contact.confidence < CONFIDENT) continue;
      const state = badges.get(key);
      const anchor = state && anchorOf(contact);
      if (state && anchor)
        items.push({
          key,
          target: key,
          anchor,
          state,
          about: [contact.name, contact.title],
        });
    }
    overlay.render(items);
  };

  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const report = async () => {
    if (reporting || retry || stopped || !pending.length) return;
    reporting = true;
    const updates = pending;
    pending = [];
    const full = updates.some((u) => u.initial);
    const batch = full
      ? updates.at(-1)!.all
      : [...new Map(updates.flatMap((u) => u.changed).map((c) => [contactKey(c), c])).values()];
    try {
      // Large pages go in batches the protocol accepts: the first replaces, the rest add.
      for (let start = 0; start === 0 || start < batch.length; start += MAX_REPORTED) {
        const first = start === 0;
        const reply = await send('page/report', {
          contacts: batch.slice(start, start + MAX_REPORTED).map(toWire),
          pageText: full && first ? pageTextSample(doc) : undefined,
          delta: !(full && first),
        });
        if (full && first) badges.clear();
        for (const b of reply.badges) badges.set(b.key, b);
      }
      failures = 0;
      render();
    } catch {
      reporting = false;
      if (stopped || isDead()) return;
      // The background may be restarting: the whole page goes again, after a pause that doubles
      // with each failure; after the last retry only the page's next change tries again.
      pending = [{ all: [...contacts.read().values()], changed: [], initial: true }];
      const delay = retryDelay(failures++);
      if (delay !== undefined)
        retry = setTimeout(() => {
          retry = undefined;
          void report();
        }, delay);
      return;
    }
    reporting = false;
    if (pending.length) void report();
  };

  const scanner = createScanner(
    doc,
    (update) => {
      contacts.add(update);
      pending.push(update);
      // The report goes out in a task of its own: the scanner's last slice and the first report
      // (10,000 contacts keyed, 2,000 put on the wire) never add up to one long task.
      setTimeout(report);
    },
    // The rep's browser locale: the phone region when the page itself gives none.
    {
      url: location.href,
      useLayout: true,
      browserLocale: navigator.language,
      // Addresses and numbers are checked against the background's tables, one question per slice.
      askChecks: createAsker(send, isDead),
    },
  );
  const stop = observeChanges(doc, scanner);
  return {
    async refresh() {
      try {
        const reply = await send('page/badges', { emails: [] });
        badges.clear();
        for (const b of reply.badges) badges.set(b.key, b);
        render();
      } catch {
        // nothing to refresh
      }
    },
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      stop();
      scanner.stop();
    },
  };
}
