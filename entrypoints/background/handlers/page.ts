import {
  contactsByEmails,
  currentDealsOf,
  followUpsOfDeals,
  settleGuesses,
  suppressedHashes,
  type Store,
} from '@/lib/db';
import { withoutSuppressed } from '@/lib/contacts/suppression';
import { translate } from '@/lib/i18n';
import { followUpLabelKey } from '@/lib/threads/label';
import type { Locale } from '@/lib/pipeline';
import { normaliseEmail } from '@/lib/contacts/email';
import { domainInfo, possiblePhone } from '@/lib/contacts/checks';
import type { Region } from '@/lib/contacts/phone';
import { contactKey } from '@/lib/contacts/key';
import type { Contact } from '@/lib/contacts/contact';
import type { CompiledProfile } from '@/lib/fit';
import type { Deal } from '@/lib/pipeline';
import type { BadgeState, DetectedContactWire, TabContact } from '@/lib/messages';
import type { HandlerMap } from '../router';
import { withProposals } from './proposals';
import { providerForUrl } from '@/lib/webmail/provider';
import { ProtocolError } from '@/lib/messages';
import type { Services } from '../services';
import { recordMailThread } from '../threads';

/** Anchor names the health tally keeps, whatever pages report. */
export const MAX_HEALTH_NAMES = 200;

/** Known contacts of the given addresses, with their current deal. */
export async function knownContacts(store: Store, emails: string[]) {
  const known = await contactsByEmails(store, emails);
  const deals = await currentDealsOf(
    store,
    [...known.values()].map((c) => c.id),
  );
  return { known, deals };
}

function isCustomer(contactId: string | undefined, deals: Map<string, Deal | undefined>) {
  const deal = contactId ? deals.get(contactId) : undefined;
  return !!deal && (deal.status === 'won' || deal.history.some((h) => h.kind === 'won'));
}

/** Scores what a page reported, joined with what the store knows. */
export async function scoreContacts(
  store: Store,
  profile: CompiledProfile,
  contacts: DetectedContactWire[],
  pageText: string | undefined,
): Promise<TabContact[]> {
  const { known, deals } = await knownContacts(
    store,
    contacts.flatMap((c) => c.emails),
  );
  const followUps = await followUpsOfDeals(
    store,
    [...deals.values()].flatMap((d) => (d ? [d.id] : [])),
  );
  return contacts.map((c) => {
    const stored: Contact | undefined = c.emails
      .map((e) => known.get(normaliseEmail(e)?.key ?? ''))
      .find(Boolean);
    const deal = stored ? deals.get(stored.id) : undefined;
    const subject = {
      ...c,
      title: c.title ?? stored?.title,
      company: c.company ?? stored?.company,
      phones: c.phones.length ? c.phones : (stored?.phones ?? []),
    };
    return {
      ...c,
      key: contactKey(c),
      fit: profile.evaluate(subject, { pageText, isCustomer: isCustomer(stored?.id, deals) }),
      contactId: stored?.id,
      deal: deal
        ? { id: deal.id, step: deal.step, status: deal.status, followUp: followUps.get(deal.id) }
        : undefined,
    };
  });
}

/** Scores a reported tab's contacts again against the store and the active profile. */
export async function rescoreTab(services: Services, tabId: number): Promise<void> {
  const state = services.tabs.get(tabId);
  if (!state.contacts.length) return;
  const store = await services.store();
  const rescored = await withProposals(
    store,
    await scoreContacts(store, await services.activeProfile(), state.contacts, undefined),
    state.mail ? undefined : state.url,
  );
  // The tab may have navigated or reported meanwhile: keep what is newer. A person dropped from the
  // tab meanwhile ("forget this person") stays dropped: scoring never brings anyone back.
  const current = services.tabs.get(tabId);
  if (current.scannedAt !== state.scannedAt) return;
  const still = new Set(current.contacts.map((c) => c.key));
  services.tabs.setContacts(
    tabId,
    state.url,
    rescored.filter((c) => still.has(c.key)),
    current.mail,
    state.scannedAt,
  );
}

/** Only what the badge shows goes back to the page (see BadgeState); the follow-up as its label text. */
export function badgeOf(c: TabContact, locale: Locale, now: number): BadgeState {
  const badge: BadgeState = { key: c.key, verdict: c.fit.verdict, score: c.fit.score, saved: !!c.contactId };
  if (c.deal) badge.stage = { step: c.deal.step, status: c.deal.status };
  const followUp = followUpLabelKey(c.deal?.followUp, now);
  if (followUp) badge.followUp = translate(locale, followUp);
  return badge;
}

export function pageHandlers(
  services: Services,
): Pick<HandlerMap, 'page/report' | 'page/badges' | 'page/checks' | 'page/open-contact' | 'page/activate'> {
  return {
    async 'page/checks'(payload) {
      // The tables the content script leaves out (lib/contacts/checks.ts): answered in order.
      return {
        domains: payload.domains.map(domainInfo),
        phones: payload.phones.map((p) => possiblePhone(p.text, p.region as Region | undefined) ?? null),
      };
    },
    async 'page/report'(payload, request) {
      // A mail summary names "the contact in front of the rep": only a webmail tab may send one.
      const provider = providerForUrl(request.tabUrl, { testHosts: import.meta.env.PS_TEST_HOSTS === '1' });
      if (payload.mail && payload.mail.provider !== provider)
        throw new ProtocolError('forbidden', 'Only a webmail tab can report an open message.');
      const store = await services.store();
      const profile = await services.activeProfile();
      // An address the rep asked never to be suggested again is dropped before anything else sees it.
      const reported = await withoutSuppressed(payload.contacts, await suppressedHashes(store));
      // A guessed address on the page (or in the mail) is now an address: settle before scoring.
      await settleGuesses(
        store,
        reported.flatMap((c) => c.emails),
      );
      // The thread first, so the chips of this report already show its link and follow-up.
      if (payload.mail)
        await recordMailThread(store, payload.mail, request.tabUrl, services.now()).catch(() => undefined);
      const scored = await scoreContacts(store, profile, reported, payload.pageText);
      const previous = services.tabs.get(request.tabId!);
      const merged =
        payload.delta && previous.url === request.tabUrl
          ? [...new Map([...previous.contacts, ...scored].map((c) => [c.key, c])).values()]
          : scored;
      const mail = payload.mail ?? (payload.delta ? previous.mail : undefined);
      const all = await withProposals(store, merged, mail ? undefined : request.tabUrl);
      services.tabs.setContacts(request.tabId!, request.tabUrl, all, mail, services.now());
      if (payload.health) {
        services.healthReport.pages++;
        const anchors = services.healthReport.anchors;
        for (const [name, h] of Object.entries(payload.health)) {
          // Names come from the page's process: the tally keeps a bounded set of them.
          if (!Object.hasOwn(anchors, name) && Object.keys(anchors).length >= MAX_HEALTH_NAMES) continue;
          const entry = (anchors[name] ??= { found: 0, missing: 0 });
          entry.found += h.found;
          entry.missing += h.missing;
        }
      }
      services.broadcast({ kind: 'tab', tabId: request.tabId! });
      const [locale, now] = [await services.locale(), services.now()];
      return { badges: scored.map((c) => badgeOf(c, locale, now)) };
    },
    async 'page/badges'(payload, request) {
      // The tab's contacts are scored when reported and rescored on every data change (the change
      // feed): reading them here costs nothing and tells nobody anything new.
      const state = services.tabs.get(request.tabId!);
      const wanted = new Set(payload.emails.map((e) => normaliseEmail(e)?.key).filter(Boolean));
      const [locale, now] = [await services.locale(), services.now()];
      return {
        badges: state.contacts
          .filter((c) => wanted.size === 0 || wanted.has(c.key))
          .map((c) => badgeOf(c, locale, now)),
      };
    },
    async 'page/open-contact'(payload, request) {
      const found = services.tabs.get(request.tabId!).contacts.find((c) => c.key === payload.key);
      // Only contacts this tab reported can be focused from the page.
      if (!found) return { opened: false };
      services.tabs.setFocus(request.tabId, { email: found.emails[0], contactId: found.contactId });
      services.broadcast({ kind: 'focus', tabId: request.tabId });
      return { opened: await services.openSidebar(request.tabId) };
    },
    async 'page/activate'(_payload, request) {
      // The tab comes from the sender, never the message; the scanner guards against a second run.
      return { injected: await services.injectScanner(request.tabId!) };
    },
  };
}
