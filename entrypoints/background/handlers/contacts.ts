import {
  contactByEmail,
  activitiesOfContact,
  confirmProposedEmail,
  dealsOfContact,
  getContact,
  searchContacts,
  StoreError,
  updateContact,
  type Store,
} from '@/lib/db';
import { nextStep, type Locale } from '@/lib/pipeline';
import { displayName } from '@/lib/contacts/contact';
import type { ContactDetail, FocusView } from '@/lib/messages';
import type { HandlerMap } from '../router';
import type { Services } from '../services';
import { saveDetected } from '../save-detected';
import { contactKey } from '@/lib/contacts/key';

export async function contactDetail(
  store: Store,
  id: string,
  now: number,
  locale: Locale,
): Promise<ContactDetail> {
  const contact = await getContact(store, id);
  if (!contact) throw new StoreError('not-found', 'This contact no longer exists.');
  const [deals, activities] = await Promise.all([dealsOfContact(store, id), activitiesOfContact(store, id)]);
  const referrer = contact.referredBy ? await getContact(store, contact.referredBy) : undefined;
  return {
    contact,
    deals: deals.map((deal) => ({ deal, next: nextStep(deal, now, displayName(contact), locale) })),
    activities,
    referredBy: referrer ? { id: referrer.id, name: referrer.name } : undefined,
  };
}

export function contactHandlers(
  services: Services,
): Pick<
  HandlerMap,
  | 'contacts/search'
  | 'contacts/get'
  | 'contacts/add'
  | 'contacts/update'
  | 'contacts/confirm-address'
  | 'focus/get'
  | 'focus/set'
> {
  const focusView = async (tabId?: number): Promise<FocusView> => {
    const focus = services.tabs.focus(tabId);
    const store = await services.store();
    let contactId = focus.contactId;
    if (!contactId && focus.email) {
      contactId = (await contactByEmail(store, focus.email))?.id;
    }
    if (contactId && (await getContact(store, contactId))) {
      return {
        contactId,
        email: focus.email,
        detail: await contactDetail(store, contactId, services.now(), await services.locale()),
      };
    }
    const tab = tabId !== undefined ? services.tabs.get(tabId) : undefined;
    const unsaved = focus.email
      ? tab?.contacts.find((c) => c.key === contactKey({ emails: [focus.email!] }))
      : undefined;
    return { email: focus.email, unsaved };
  };

  return {
    async 'contacts/search'({ query }) {
      return searchContacts(await services.store(), query, 25);
    },
    async 'contacts/get'({ id }) {
      return contactDetail(await services.store(), id, services.now(), await services.locale());
    },
    async 'contacts/add'({ contact, sourceUrl, proposedEmail }) {
      return saveDetected(services, contact, sourceUrl, { proposedEmail });
    },
    async 'contacts/update'({ id, expectedVersion, patch, keep }) {
      return updateContact(await services.store(), id, expectedVersion, patch, keep);
    },
    async 'contacts/confirm-address'({ id, expectedVersion }) {
      return confirmProposedEmail(await services.store(), id, expectedVersion);
    },
    async 'focus/get'({ tabId }) {
      return focusView(tabId);
    },
    async 'focus/set'({ tabId, contactId }) {
      const contact = await getContact(await services.store(), contactId);
      if (!contact) throw new StoreError('not-found', 'This contact no longer exists.');
      services.tabs.setFocus(tabId, { contactId, email: contact.emails[0] });
      services.broadcast({ kind: 'focus', tabId });
      return focusView(tabId);
    },
  };
}
