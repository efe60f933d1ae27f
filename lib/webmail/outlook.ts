import { cleanText } from '../text/clean';
import { normaliseEmail } from '../contacts/email';
import type { Region } from '../contacts/phone';
import { parseAddress, queryAll, queryOne, type Anchor } from './anchors';
import { parseSignature } from '../text/signature';
import { textLines } from '../text/lines';
import type { AnchorHealth, MailMessage, MailParticipant, MailView, MessageCache } from './types';

const FROM = ['From:', 'Von:', 'De :', 'De:', 'Da:', 'Van:'];
const TO = ['To:', 'An:', 'À :', 'A:', 'Aan:'];
const CC = ['Cc:', 'CC:', 'Kopie:'];
const labelled = (labels: string[]) => labels.map((l) => `[aria-label^="${l}"]`);

export const OUTLOOK_ANCHORS = {
  readingPane: {
    name: 'reading-pane',
    selectors: [
      '[data-app-section="ConversationContainer"]',
      '[data-app-section="ReadingPane"]',
      '[role="main"]',
    ],
  },
  sender: { name: 'sender', selectors: labelled(FROM) },
  to: { name: 'to', selectors: labelled(TO) },
  cc: { name: 'cc', selectors: labelled(CC) },
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

/** People named in an address element: its aria-label after the label, or its text. */
function participantsOf(el: Element, labels: string[]): MailParticipant[] {
  const aria = el.getAttribute('aria-label') ?? '';
  const label = labels.find((l) => aria.startsWith(l));
  const raw = label ? aria.slice(label.length) : '';
  const sources = [raw, el.textContent ?? ''];
  for (const source of sources) {
    const people = source
      .split(/;|,(?![^<]*>)/)
      .map((part) => parseAddress(cleanText(part, 300)))
      .filter((p): p is { name?: string; email: string } => !!p && !!normaliseEmail(p.email));
    if (people.length) return people;
  }
  return [];
}

function owner(doc: Document): string | undefined {
  const secondary = doc.querySelector('#mectrl_currentAccount_secondary')?.textContent;
  if (secondary && normaliseEmail(secondary.trim())) return secondary.trim();
  const label =
    doc
      .querySelector('[aria-label*="Account manager" i], [aria-label*="Konto-Manager" i]')
      ?.getAttribute('aria-label') ?? '';
  return /([^\s()]+@[^\s()]+)/.exec(label)?.[1];
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

export function readOutlook(
  doc: Document,
  health?: AnchorHealth,
  region?: Region,
  cache?: MessageCache,
): MailView {
  const pane = queryOne(doc, OUTLOOK_ANCHORS.readingPane, health) ?? doc.body;
  const senders = queryAll(pane, OUTLOOK_ANCHORS.sender, health);
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
    const from = participantsOf(senderEl, FROM)[0];
    const toEls = queryAll(root, OUTLOOK_ANCHORS.to);
    const ccEls = queryAll(root, OUTLOOK_ANCHORS.cc);
    const recipientElements = [
      ...toEls.flatMap((element) =>
        participantsOf(element, TO).map((participant) => ({ participant, element })),
      ),
      ...ccEls.flatMap((element) =>
        participantsOf(element, CC).map((participant) => ({ participant, element })),
      ),
    ];
    const body = queryOne(root, OUTLOOK_ANCHORS.body);
    const date = queryOne(root, OUTLOOK_ANCHORS.date);
    return {
      id: root.getAttribute('data-item-id') ?? undefined,
      from,
      to: toEls.flatMap((el) => participantsOf(el, TO)),
      cc: ccEls.flatMap((el) => participantsOf(el, CC)),
      date: date
        ? (date.getAttribute('datetime') ?? cleanText(date.textContent, 100)) || undefined
        : undefined,
      signature: body ? parseSignature(textLines(body), { region, senderName: from?.name }) : undefined,
      senderElement: senderEl,
      recipientElements,
      collapsed: !body,
    };
  }
  const subject = queryOne(doc, OUTLOOK_ANCHORS.subject, health);
  return {
    provider: 'outlook',
    subject: subject ? cleanText(subject.textContent, 500) || undefined : undefined,
    threadId: queryOne(pane, OUTLOOK_ANCHORS.conversation, health)?.getAttribute('data-convid') ?? undefined,
    owner: owner(doc),
    messages,
    list: [],
    compose: [],
  };
}
