import {
  contactsByIds,
  addActivity,
  board,
  createDeal,
  dealsOfContact,
  currentDeal,
  dueDeals,
  dueFollowUps,
  followUpsOfDeals,
  getDeal,
  allDeals,
  getContact,
  restartDeal,
  updateDeal,
  StoreError,
  type Store,
} from '@/lib/db';
import {
  advance,
  markLost,
  moveBack,
  nextStep,
  pipelineMetrics,
  recordFact,
  reopen,
  scheduleNextAction,
  STEP_IDS,
  type Deal,
} from '@/lib/pipeline';
import { derivedDealTitle, displayName } from '@/lib/contacts/contact';
import type { DueItem } from '@/lib/messages';
import type { HandlerMap } from '../router';
import type { Services } from '../services';
import { relinkThreads } from '../threads';

async function dueItems(store: Store, deals: Deal[], now: number, locale: 'en' | 'de'): Promise<DueItem[]> {
  const contacts = await contactsByIds(
    store,
    deals.map((d) => d.contactId),
  );
  const followUps = await followUpsOfDeals(
    store,
    deals.map((d) => d.id),
  );
  const items = await Promise.all(
    deals.map(async (deal): Promise<DueItem | undefined> => {
      const contact = contacts.get(deal.contactId);
      const name = contact ? displayName(contact) : '';
      const next = nextStep(deal, now, name, locale);
      return next && contact
        ? {
            deal,
            contact: { id: contact.id, name: contact.name, company: contact.company, emails: contact.emails },
            next,
            followUp: followUps.get(deal.id),
          }
        : undefined;
    }),
  );
  return items.filter((i): i is DueItem => !!i);
}

export function dealHandlers(
  services: Services,
): Pick<
  HandlerMap,
  | 'deals/start'
  | 'deals/transition'
  | 'deals/fact'
  | 'deals/schedule'
  | 'deals/restart'
  | 'deals/due'
  | 'deals/board'
  | 'deals/metrics'
  | 'activities/add'
> {
  return {
    async 'deals/start'({ contactId, title }) {
      const store = await services.store();
      const contact = await getContact(store, contactId);
      if (!contact) throw new StoreError('not-found', 'This contact no longer exists.');
      // Starting a deal for a contact who has an open one opens that deal instead.
      const open = currentDeal((await dealsOfContact(store, contactId)).filter((d) => d.status === 'open'));
      if (open) return { deal: open, existing: true };
      const deal = await createDeal(store, {
        contactId,
        title: title?.trim() || derivedDealTitle(contact),
        fitConfirmed: contact.fit?.verdict === 'lead',
        // In a team pipeline the rep who starts a deal owns it.
        owner: await services.sync.rep(),
      });
      // "Start deal" from a thread: the contact's threads link to the new (only open) deal.
      await relinkThreads(store, contactId).catch(() => undefined);
      return { deal, existing: false };
    },
    async 'deals/transition'({ dealId, expectedVersion, action, note }) {
      const store = await services.store();
      const deal = await updateDeal(store, dealId, expectedVersion, (d, now) => {
        switch (action) {
          case 'advance':
            return advance(d, now, { override: note });
          case 'back':
            return moveBack(d, now, note);
          case 'lose':
            return markLost(d, now, note ?? '');
          case 'reopen':
            return reopen(d, now, note);
        }
      });
      // A new step has its own follow-up days; a lost deal owes none: its threads are counted again.
      await relinkThreads(store, deal.contactId).catch(() => undefined);
      return deal;
    },
    async 'deals/fact'({ dealId, expectedVersion, fact }) {
      return updateDeal(await services.store(), dealId, expectedVersion, (d, now) =>
        recordFact(d, fact, now),
      );
    },
    async 'deals/schedule'({ dealId, expectedVersion, nextAction }) {
      return updateDeal(await services.store(), dealId, expectedVersion, (d, now) =>
        scheduleNextAction(d, nextAction ?? undefined, now),
      );
    },
    async 'deals/restart'({ dealId, expectedVersion, kind, contactId }) {
      return restartDeal(await services.store(), dealId, expectedVersion, { kind, contactId });
    },
    async 'deals/due'({ until }) {
      const store = await services.store();
      // Due next steps and deals with a due follow-up, each deal once, soonest first.
      // The three reads go out together (the popup waits for this answer as it opens).
      const [due, followUps, locale] = await Promise.all([
        dueDeals(store, until),
        dueFollowUps(store, until),
        services.locale(),
      ]);
      const deals = new Map(due.map((d) => [d.id, d]));
      for (const thread of followUps) {
        if (!thread.dealId || deals.has(thread.dealId)) continue;
        const deal = await getDeal(store, thread.dealId);
        if (deal) deals.set(deal.id, deal);
      }
      return dueItems(store, [...deals.values()], services.now(), locale);
    },
    async 'deals/board'({ statuses, owner }) {
      const store = await services.store();
      const columns = await board(store, statuses);
      const rep = owner === 'mine' ? await services.sync.rep() : undefined;
      if (rep)
        for (const step of STEP_IDS) columns[step] = columns[step].filter((d) => !d.owner || d.owner === rep);
      const now = services.now();
      const locale = await services.locale();
      return Promise.all(
        STEP_IDS.map(async (step) => {
          const deals = columns[step];
          const items = await dueItems(store, deals, now, locale);
          const value: Record<string, number> = {};
          for (const d of deals)
            if (d.value) value[d.value.currency] = (value[d.value.currency] ?? 0) + d.value.amount;
          // Overdue first, then soonest due.
          items.sort((a, b) => Number(b.next.overdue) - Number(a.next.overdue) || a.next.due - b.next.due);
          return { step, items, count: deals.length, value };
        }),
      );
    },
    async 'deals/metrics'({ from, to }) {
      return pipelineMetrics(await allDeals(await services.store()), { from, to });
    },
    async 'activities/add'({ contactId, dealId, kind, text }) {
      return await addActivity(await services.store(), { contactId, dealId, kind, text });
    },
  };
}
