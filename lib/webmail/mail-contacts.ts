import { normaliseEmail } from '../contacts/email';
import { isRoleAddress } from '../data';
import { companyDomainOf } from '../contacts/company';
import type { DetectedContact } from '../detect/types';
import type { MailParticipant, MailView } from './types';
import { ownKeys } from './self';

/**
 * The people of a mail view as contacts: senders (with what their signature says), recipients,
 * list rows and compose chips. The mailbox owner is never a prospect.
 */
export function mailContacts(view: MailView): DetectedContact[] {
  const own = ownKeys(view);
  const byKey = new Map<string, DetectedContact>();
  const add = (p: MailParticipant, field: string, element?: Element) => {
    const n = normaliseEmail(p.email);
    if (!n || own.has(n.key)) return undefined;
    let contact = byKey.get(n.key);
    if (!contact) {
      const companyDomain = companyDomainOf([n.key]);
      contact = {
        name: p.name,
        emails: [n.display],
        phones: [],
        companyDomain,
        company: companyDomain,
        profiles: [],
        role: isRoleAddress(n.display),
        // A participant of the thread, by its own header.
        confidence: 1,
        evidence: [],
      };
      byKey.set(n.key, contact);
    }
    contact.name ??= p.name;
    contact.evidence.push({ detector: `webmail:${view.provider}`, field, element });
    return contact;
  };
  for (const m of view.messages) {
    if (m.from) {
      const sender = add(m.from, 'from', m.senderElement);
      const sig = m.signature;
      if (sender && sig) {
        if (sig.title) sender.title ??= sig.title;
        if (sig.company)
          sender.company =
            sender.company === sender.companyDomain ? sig.company : (sender.company ?? sig.company);
        for (const phone of sig.phones) if (!sender.phones.includes(phone)) sender.phones.push(phone);
        if (sig.website && !sender.profiles.includes(sig.website)) sender.profiles.push(sig.website);
        sender.evidence.push({ detector: 'signature', field: 'title' });
      }
    }
    for (const r of m.recipientElements)
      add(r.participant, m.cc.includes(r.participant) ? 'cc' : 'to', r.element);
  }
  for (const l of view.list) add(l.participant, 'list', l.element);
  for (const c of view.compose) add(c.participant, 'compose', c.element);
  return [...byKey.values()];
}
