import {
  createHealth,
  forgetAround,
  mailContacts,
  readMailView,
  type MailView,
  type MessageCache,
  type Provider,
} from '@/lib/webmail';
import { OWN_ELEMENT_ATTRIBUTE } from '@/lib/detect/dom';
import type { BadgeState, Send } from '@/lib/messages';
import type { createOverlay, OverlayItem } from './overlay';
import { contactKey } from '@/lib/contacts/key';
import { toWire } from './wire';
import { mailSummaryOf } from './mail-summary';
import { createAsker } from './checks';
import { withAnswers } from '@/lib/contacts/answers';
import { uncheckedAnswers } from '@/lib/contacts/checks';
import { createAnswerReader } from './answers';

/**
 * Gmail and Outlook: reads the open message after each change settles, reports its people,
 * and puts a chip beside the sender and each recipient. A missing anchor is counted, not thrown.
 */
export function runWebmailMode(
  doc: Document,
  provider: Provider,
  send: Send,
  overlay: ReturnType<typeof createOverlay>,
) {
  let view: MailView | null = null;
  let cache: MessageCache = new WeakMap();
  const ask = createAsker(send);
  let signature = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const chips = (badges: BadgeState[]) => {
    if (!view) return overlay.render([]);
    const byKey = new Map(badges.map((b) => [b.key, b]));
    const items: OverlayItem[] = [];
    const seen = new Set<string>();
    // The tooltip names the person as the mail view shows them: the page's own text, nothing stored.
    const add = (person: { email: string; name?: string }, anchor: Element | undefined, slot: string) => {
      const key = contactKey({ emails: [person.email] });
      const state = byKey.get(key);
      if (!state || !anchor || seen.has(`${key}:${slot}`)) return;
      seen.add(`${key}:${slot}`);
      items.push({ key: `${key}:${slot}`, target: key, anchor, state, about: [person.name] });
    };
    view.messages.forEach((m, i) => {
      if (m.from) add(m.from, m.senderElement, `m${i}`);
      m.recipientElements.forEach((r, j) => add(r.participant, r.element, `m${i}r${j}`));
    });
    view.list.forEach((l, i) => add(l.participant, l.element, `l${i}`));
    view.compose.forEach((c, i) => add(c.participant, c.element, `c${i}`));
    overlay.render(items);
  };

  let lastBadges: BadgeState[] = [];
  const readAnswers = createAnswerReader(send, provider);
  const read = async () => {
    // Addresses are checked against the background's tables: a read that lacked answers asks
    // for them and reads again (its cached messages were read with answers missing: dropped).
    const { health, contacts, summary } = await withAnswers(() => {
      const before = uncheckedAnswers();
      const health = createHealth();
      view = readMailView(doc, location.href, { provider, health, cache });
      const contacts = view ? mailContacts(view) : [];
      const summary = view ? mailSummaryOf(view, provider) : undefined;
      if (uncheckedAnswers() !== before) cache = new WeakMap();
      return { health, contacts, summary };
    }, ask);
    const next = JSON.stringify([contacts.map(toWire), summary]);
    if (next === signature) return chips(lastBadges);
    signature = next;
    try {
      const { badges } = await send('page/report', {
        contacts: contacts.slice(0, 2_000).map(toWire),
        mail: summary,
        health,
      });
      lastBadges = badges;
      chips(badges);
      // After the report: the thread is stored (and linked) before the background is asked about it.
      if (view) void readAnswers(view);
    } catch {
      // background restarting: the next change tries again
    }
  };

  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void read(), 250);
  };
  // Gmail and Outlook re-render freely: re-read after changes settle, ignoring our own overlay.
  const observer = new MutationObserver((records) => {
    let theirs = false;
    for (const record of records) {
      if ((record.target as Element).closest?.(`[${OWN_ELEMENT_ATTRIBUTE}]`)) continue;
      theirs = true;
      forgetAround(cache, record.target);
    }
    if (theirs) settle();
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['email', 'aria-label', 'data-message-id'],
  });
  addEventListener('hashchange', settle);
  addEventListener('popstate', settle);
  void read();

  return {
    async refresh() {
      signature = '';
      await read();
    },
    stop() {
      observer.disconnect();
      if (timer) clearTimeout(timer);
      removeEventListener('hashchange', settle);
      removeEventListener('popstate', settle);
    },
  };
}
