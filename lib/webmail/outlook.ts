import { cleanText } from '../text/clean';
import { normaliseEmail } from '../contacts/email';
import type { Region } from '../contacts/phone';
import { count, parseAddress, queryAll, queryOne, type Anchor } from './anchors';
import { parseSignature } from '../text/signature';
import { textLines } from '../text/lines';
import {
  CC_LABEL,
  CC_LABELS,
  FROM_LABEL,
  FROM_LABELS,
  TO_LABEL,
  TO_LABELS,
  labelledSelectors,
  stripLabel,
} from './outlook-labels';
import { outlookOwner } from './outlook-owner';
import type { AnchorHealth, MailMessage, MailParticipant, MailView, MessageCache } from './types';

export const OUTLOOK_ANCHORS = {
  readingPane: {
    name: 'reading-pane',
    selectors: [
      '[data-app-section="ConversationContainer"]',
      '[data-app-section="ReadingPane"]',
      '[role="main"]',
    ],
  },
  sender: { name: 'sender', selectors: labelledSelectors(FROM_LABELS) },
  to: { name: 'to', selectors: labelledSelectors(TO_LABELS) },
  cc: { name: 'cc', selectors: labelledSelectors(CC_LABELS) },
  body: { name: 'body', selectors: ['[id^="UniqueMessageBody"]', '[role="document"]'] },
  subject: {
    name: 'subject',
    selectors: [
      '[data-app-section="ConversationTopic"]',
      '[role="main"] [role="heading"][aria-level="2"]',
      '[role="main"] [role="heading"]',
    ],
  },
  conversation: { name: 'conversation', selectors: ['[data-convid]'] },
  date: { name: 'date', selectors: ['[data-testid="SentReceivedSavedTime"]', 'time[datetime]'] },
} satisfies Record<string, Anchor>;

/**
 * People named in an address element: from its aria-label, its text, and the addresses its
 * people carry in `title` — each without the field label ("An:", "De :"), which is never a name.
 * Entries are split on ";" (and on "," only after an address, so "Weber, Markus <m@…>" stays one).
 */
function participantsOf(el: Element, label: RegExp): MailParticipant[] {
  const aria = el.getAttribute('aria-label') ?? '';
  const titled = [...el.querySelectorAll('[title*="@"]')].map((t) => {
    const name = cleanText(stripLabel(t.textContent ?? ''), 120);
    return `${name} <${t.getAttribute('title')}>`;
  });
  const sources = [aria.replace(label, ''), stripLabel(el.textContent ?? ''), titled.join(';')];
  for (const source of sources) {
    const people = source
      .split(/;|(?<=>)\s*,/)
      .map((part) => parseAddress(stripLabel(cleanText(part, 300))))
      .filter((p): p is { name?: string; email: string } => !!p && !!normaliseEmail(p.email))
      .map((p) => {
        const name = p.name
          ? stripLabel(p.name)
              .replace(/^["']|["']$/g, '')
              .trim()
          : undefined;
        return { email: p.email, name: name || undefined };
      });
    if (people.length) return people;
  }
  return [];
}

/**
 * The message around each sender: the largest ancestor that holds no other sender. One pass up
 * from every sender counts the senders each ancestor holds, so a long conversation stays linear.
 */
function messageRoots(senders: Element[], pane: Element): Map<Element, Element> {
  const held = new Map<Element, number>();
  for (const sender of senders)
    for (let cur = sender.parentElement; cur && cur !== pane; cur = cur.parentElement)
      held.set(cur, (held.get(cur) ?? 0) + 1);
  const roots = new Map<Element, Element>();
  for (const sender of senders) {
    let root = sender;
    for (let cur = sender.parentElement; cur && cur !== pane && held.get(cur) === 1; cur = cur.parentElement)
      root = cur;
    roots.set(sender, root);
  }
  return roots;
}

/** Senders, outermost only: a labelled element can hold the labelled persona inside it. */
function outermost(els: Element[]): Element[] {
  const out: Element[] = [];
  for (const el of els) if (!out.some((o) => o.contains(el))) out.push(el);
  return out;
}

/** Outlook's ids in the address: `/id/<conversation or item id>` (URL-encoded) or `?ItemID=`. */
function idFromUrl(url: string | undefined): { conversation?: string; item?: string } {
  if (!url) return {};
  let raw: string | undefined;
  try {
    const parsed = new URL(url);
    raw = /\/id\/([^/?#]+)/.exec(parsed.pathname)?.[1] ?? parsed.searchParams.get('ItemID') ?? undefined;
    raw = raw ? decodeURIComponent(raw) : undefined;
  } catch {
    return {};
  }
  if (!raw || !/^[A-Za-z0-9+/=_-]{16,400}$/.test(raw)) return {};
  // Exchange ids: "AAQk…" names a conversation, "AAMk…" an item.
  return raw.startsWith('AAQk') ? { conversation: raw } : { item: raw };
}

export function readOutlook(
  doc: Document,
  health?: AnchorHealth,
  region?: Region,
  cache?: MessageCache,
  url?: string,
): MailView {
  const pane = queryOne(doc, OUTLOOK_ANCHORS.readingPane, health) ?? doc.body;
  const senders = outermost(queryAll(pane, OUTLOOK_ANCHORS.sender, health));
  const roots = messageRoots(senders, pane);
  // Keyed by the message's root: a new message that shrinks another's root gives it a new key.
  const messages: MailMessage[] = senders.map((senderEl) => {
    const root = roots.get(senderEl)!;
    const stamp = `${senderEl.getAttribute('aria-label')}:${root.childElementCount}`;
    const cached = cache?.get(root);
    if (cached && cached.stamp === stamp && cached.message.senderElement === senderEl) return cached.message;
    const message = readMessage(senderEl, root);
    cache?.set(root, { stamp, message });
    return message;
  });
  function readMessage(senderEl: Element, root: Element): MailMessage {
    const from =
      participantsOf(senderEl, FROM_LABEL)[0] ??
      (senderEl.parentElement ? participantsOf(senderEl.parentElement, FROM_LABEL)[0] : undefined);
    const toEls = outermost(queryAll(root, OUTLOOK_ANCHORS.to));
    const ccEls = outermost(queryAll(root, OUTLOOK_ANCHORS.cc));
    const to = toEls.flatMap((element) =>
      participantsOf(element, TO_LABEL).map((participant) => ({ participant, element })),
    );
    const cc = ccEls.flatMap((element) =>
      participantsOf(element, CC_LABEL).map((participant) => ({ participant, element })),
    );
    const body = queryOne(root, OUTLOOK_ANCHORS.body);
    const date = queryOne(root, OUTLOOK_ANCHORS.date);
    const idEl = root.closest('[data-item-id]') ?? root.querySelector('[data-item-id]');
    return {
      id: idEl?.getAttribute('data-item-id') ?? undefined,
      from,
      to: to.map((r) => r.participant),
      cc: cc.map((r) => r.participant),
      date: date
        ? (date.getAttribute('datetime') ?? cleanText(date.textContent, 100)) || undefined
        : undefined,
      signature: body ? parseSignature(textLines(body), { region, senderName: from?.name }) : undefined,
      senderElement: senderEl,
      bodyElement: body,
      recipientElements: [...to, ...cc],
      collapsed: !body,
    };
  }
  const fromUrl = idFromUrl(url);
  const open = messages.filter((m) => !m.collapsed);
  if (fromUrl.item && open.length === 1 && !open[0]!.id) open[0]!.id = fromUrl.item;
  const subject = queryOne(doc, OUTLOOK_ANCHORS.subject, health);
  const owner = outlookOwner(doc);
  // A page that shows only the owner's name: the participant of that name is the owner.
  if (!owner.email && owner.name) {
    const wanted = owner.name.toLowerCase();
    owner.email = messages
      .flatMap((m) => [m.from, ...m.to, ...m.cc])
      .find((p) => p?.name?.toLowerCase() === wanted)?.email;
  }
  const threadId =
    queryOne(pane, OUTLOOK_ANCHORS.conversation, health)?.getAttribute('data-convid') ??
    (messages.length ? fromUrl.conversation : undefined);
  count(health, 'owner', !!owner.email);
  if (messages.length) {
    count(health, 'thread-id', !!threadId);
    for (const m of messages) count(health, 'message-id', !!m.id);
  }
  return {
    provider: 'outlook',
    subject: subject ? cleanText(subject.textContent, 500) || undefined : undefined,
    threadId,
    owner: owner.email,
    ownerName: owner.name,
    accounts: owner.email ? [owner.email] : [],
    messages,
    list: [],
    compose: [],
  };
}
