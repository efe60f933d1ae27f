import { isOwn, ownKeys, type MailParticipant, type MailView, type Provider } from '@/lib/webmail';
import { parseMailDate } from '@/lib/threads/mail-date';
import type { MailSummaryWire } from '@/lib/messages';

const MAX_MESSAGES = 100;
const MAX_PEOPLE = 50;

const person = (p: MailParticipant) => ({
  email: p.email.slice(0, 254),
  ...(p.name ? { name: p.name.slice(0, 300) } : {}),
});

/** The open message's sender, the contact in front of the rep (never the mailbox owner). */
export function focusOf(view: MailView): string | undefined {
  const own = ownKeys(view);
  const open = [...view.messages].reverse().find((m) => !m.collapsed && m.from && !isOwn(own, m.from.email));
  const any = [...view.messages].reverse().find((m) => m.from && !isOwn(own, m.from.email));
  return (open ?? any)?.from?.email;
}

/**
 * What the background learns about the open mail view: the thread's ids, subject, the owner's
 * addresses and each message's id, date and people (bounded). Never a body.
 */
export function mailSummaryOf(view: MailView, provider: Provider): MailSummaryWire {
  const own = [...ownKeys(view)].slice(0, 20).map((e) => e.slice(0, 254));
  const messages = view.messages
    .filter((m) => m.id)
    .slice(-MAX_MESSAGES)
    .map((m) => ({
      id: m.id!.slice(0, 200),
      at: parseMailDate(m.date),
      from: m.from ? person(m.from) : undefined,
      to: m.to.slice(0, MAX_PEOPLE).map(person),
      cc: m.cc.slice(0, MAX_PEOPLE).map(person),
    }));
  return {
    provider,
    subject: view.subject?.slice(0, 1_000),
    threadId: view.threadId?.slice(0, 200),
    focusEmail: focusOf(view)?.slice(0, 254),
    owner: view.owner?.slice(0, 254),
    own,
    messages,
  };
}
