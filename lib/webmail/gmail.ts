import { cleanText } from '../text/clean';
import { normaliseEmail } from '../contacts/email';
import type { Region } from '../contacts/phone';
import { count, queryAll, queryOne, type Anchor } from './anchors';
import { parseSignature } from '../text/signature';
import { textLines } from '../text/lines';
import { gmailMessageId, gmailThreadId } from './gmail-ids';
import { gmailAccounts } from './gmail-owner';
import type { AnchorHealth, MailMessage, MailParticipant, MailView, MessageCache } from './types';

export const GMAIL_ANCHORS = {
  /** The thread's messages: the list items of the conversation, else the message-id elements. */
  message: {
    name: 'message',
    selectors: [
      '[role="list"] > [role="listitem"]:is(:has([data-message-id]), :has([data-legacy-message-id]), :has([email]))',
      'div.adn[data-message-id]',
      'div.adn[data-legacy-message-id]',
      '[data-message-id]',
      '[data-legacy-message-id]',
    ],
  },
  sender: {
    name: 'sender',
    selectors: [
      'span.gD[email]',
      'span.zF[email], span.yP[email]',
      'h3 [email][name]',
      '[email][name]:not(.g2)',
    ],
  },
  recipients: { name: 'recipients', selectors: ['span.hb span.g2[email]', 'span.hb [email]'] },
  subject: { name: 'subject', selectors: ['h2.hP', 'h2[data-legacy-thread-id]', '[role="main"] h2'] },
  body: { name: 'body', selectors: ['div.a3s', '[data-message-id] [dir="ltr"]'] },
  date: { name: 'date', selectors: ['span.g3[title]', 'span[title][alt]'] },
  listRow: { name: 'list-row', selectors: ['tr.zA'] },
  listParticipant: { name: 'list-participant', selectors: ['span[email][name]', 'span[email]'] },
  compose: {
    name: 'compose',
    selectors: ['div[role="dialog"] [data-hovercard-id]', '.M9 [data-hovercard-id]'],
  },
} satisfies Record<string, Anchor>;

function participant(el: Element): MailParticipant | undefined {
  const email = el.getAttribute('email') ?? el.getAttribute('data-hovercard-id') ?? '';
  if (!normaliseEmail(email)) return undefined;
  const name = cleanText(el.getAttribute('name') ?? el.textContent, 120);
  return { email, name: name && name !== email ? name : undefined };
}

/** In the header line "to Bob, Carol, cc: Dan", the addresses after "cc:" are copies. */
function ccElements(message: Element): Set<Element> {
  const cc = new Set<Element>();
  const header = message.querySelector('span.hb');
  if (!header) return cc;
  let inCc = false;
  const walker = message.ownerDocument.createTreeWalker(header, 1 | 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3 && /\b(?:cc|kopie)\s*:/i.test(node.nodeValue ?? '')) inCc = true;
    else if (node.nodeType === 3 && /\b(?:bcc|to|an)\s*:/i.test(node.nodeValue ?? '')) inCc = false;
    else if (inCc && node.nodeType === 1 && (node as Element).hasAttribute('email')) cc.add(node as Element);
  }
  return cc;
}

/** The element that carries the message's ids: the element itself or the one inside it. */
function idElement(el: Element): Element {
  if (el.hasAttribute('data-message-id') || el.hasAttribute('data-legacy-message-id')) return el;
  return el.querySelector('[data-legacy-message-id], [data-message-id]') ?? el;
}

/**
 * A message hidden in the fold ("3 older messages"): Gmail keeps it in the thread, hidden
 * (class `kQ`, or `hidden`/`aria-hidden`), and still names its sender when it has one.
 */
function isFolded(el: Element): boolean {
  return (
    el.classList.contains('kQ') || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true'
  );
}

function readMessage(el: Element, health: AnchorHealth | undefined, region: Region | undefined): MailMessage {
  const senderEl = queryOne(el, GMAIL_ANCHORS.sender, health);
  const from = senderEl ? participant(senderEl) : undefined;
  const recipientElements = queryAll(el, GMAIL_ANCHORS.recipients, health)
    .map((element) => ({ participant: participant(element), element }))
    .filter((r): r is { participant: MailParticipant; element: Element } => !!r.participant);
  const ccEls = ccElements(el);
  const body = el.querySelector('div.a3s') ?? undefined;
  const dateEl = queryOne(el, GMAIL_ANCHORS.date);
  const folded = isFolded(el);
  return {
    id: gmailMessageId(idElement(el)),
    from,
    to: recipientElements.filter((r) => !ccEls.has(r.element)).map((r) => r.participant),
    cc: [...ccEls].map(participant).filter((p): p is MailParticipant => !!p),
    date: dateEl?.getAttribute('title') ?? undefined,
    signature: body ? parseSignature(textLines(body), { region, senderName: from?.name }) : undefined,
    senderElement: senderEl,
    bodyElement: body,
    recipientElements,
    collapsed: !body,
    ...(folded ? { folded } : {}),
  };
}

export function readGmail(
  doc: Document,
  health?: AnchorHealth,
  region?: Region,
  cache?: MessageCache,
  url?: string,
): MailView {
  const subjectEl = queryOne(doc, GMAIL_ANCHORS.subject, health);
  const messages: MailMessage[] = [];
  // Outermost matches only (a message element can contain another anchor match). Matches come
  // in document order, so an outer one comes right before the ones it holds.
  const messageEls: Element[] = [];
  for (const el of queryAll(doc, GMAIL_ANCHORS.message, health)) {
    if (el.closest('tr.zA, [role="dialog"]')) continue;
    const outer = messageEls.at(-1);
    if (!outer || !outer.contains(el)) messageEls.push(el);
  }
  for (const el of messageEls) {
    // A cheap guard against a reused element (an id, the expanded state and the child count);
    // changes inside a message are forgotten by the caller (forgetAround).
    const stamp = `${gmailMessageId(idElement(el))}:${el.className}:${el.childElementCount}`;
    const cached = cache?.get(el);
    if (cached && cached.stamp === stamp && cached.message.senderElement?.isConnected !== false) {
      messages.push(cached.message);
      continue;
    }
    const message = readMessage(el, health, region);
    cache?.set(el, { stamp, message });
    messages.push(message);
  }
  const list = queryAll(doc, GMAIL_ANCHORS.listRow, messages.length ? undefined : health).flatMap((row) =>
    [...row.querySelectorAll('span[email]')]
      .map((element) => ({ participant: participant(element), element }))
      .filter((r): r is { participant: MailParticipant; element: Element } => !!r.participant),
  );
  const compose = [...doc.querySelectorAll(GMAIL_ANCHORS.compose.selectors.join(','))]
    .map((element) => ({ participant: participant(element), element }))
    .filter((r): r is { participant: MailParticipant; element: Element } => !!r.participant);
  const accounts = gmailAccounts(doc);
  const threadId = gmailThreadId(subjectEl, messages.length ? url : undefined);
  count(health, 'owner', accounts.length > 0);
  if (messages.length) {
    count(health, 'thread-id', !!threadId);
    for (const m of messages) count(health, 'message-id', !!m.id);
  }
  return {
    provider: 'gmail',
    subject: subjectEl ? cleanText(subjectEl.textContent, 500) || undefined : undefined,
    threadId,
    owner: accounts[0],
    accounts,
    messages,
    list,
    compose,
  };
}
