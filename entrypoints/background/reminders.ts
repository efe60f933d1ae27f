import { browser } from 'wxt/browser';
import { dueDeals, dueFollowUps, readSetting, writeSetting, getContact } from '@/lib/db';
import { followUpReminders } from './follow-up-reminders';
import { nextStep, nextDue } from '@/lib/pipeline';
import { displayName } from '@/lib/contacts/contact';
import type { Services } from './services';
import { repStrings } from './rep-strings';

const ALARM = 'due-check';
const GROUP_ID = 'due-group';
const GROUP_OVER = 3;

/** Checks due next steps every 30 minutes and notifies each newly due one (grouped when many). */
export function startReminders(services: Services, onNotificationClick: (dealId?: string) => void) {
  void browser.alarms.create(ALARM, { periodInMinutes: 30, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) {
      void checkDue(services).catch(() => undefined);
      void checkFollowUps(services).catch(() => undefined);
    }
  });
  browser.notifications.onClicked.addListener((id) => {
    const deal = /^(?:deal|follow-up):([^:]+)/.exec(id)?.[1];
    onNotificationClick(deal);
    void browser.notifications.clear(id);
  });
}

export async function checkDue(services: Services): Promise<number> {
  const store = await services.store();
  const now = services.now();
  const due = await dueDeals(store, now);
  const notified = await readSetting(store, 'reminders.notified');
  const fresh = due.filter((d) => notified[d.id] !== nextDue(d));
  if (!fresh.length) return 0;
  const { locale, t } = await repStrings(services);
  if (fresh.length > GROUP_OVER) {
    await browser.notifications.create(GROUP_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('remindersGroupTitle', { count: fresh.length }),
      message: t('remindersGroupMessage'),
    });
  } else {
    for (const deal of fresh) {
      const contact = await getContact(store, deal.contactId);
      const next = nextStep(deal, now, contact ? displayName(contact) : '', locale);
      if (!next) continue;
      await browser.notifications.create(`deal:${deal.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t(next.overdue ? 'reminderOverdue' : 'reminderDue'),
        message: next.text,
      });
    }
  }
  for (const d of fresh) notified[d.id] = nextDue(d)!;
  await writeSetting(store, 'reminders.notified', notified);
  return fresh.length;
}

/** Notifies each newly due e-mail follow-up (the rep wrote last and heard nothing, or owes a reply). */
export async function checkFollowUps(services: Services): Promise<number> {
  const store = await services.store();
  const now = services.now();
  const notified = await readSetting(store, 'reminders.followUps');
  const { fresh, notified: next } = followUpReminders(await dueFollowUps(store, now), notified);
  if (!fresh.length) return 0;
  const { t } = await repStrings(services);
  for (const thread of fresh) {
    const contact = thread.contactId ? await getContact(store, thread.contactId) : undefined;
    const params = { name: contact ? displayName(contact) : '', subject: thread.subject.slice(0, 120) };
    await browser.notifications.create(`follow-up:${thread.dealId}:${thread.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t(thread.followUp.state === 'waiting-on-you' ? 'followUpReplyDue' : 'followUpDue'),
      message: t(
        thread.followUp.state === 'waiting-on-you' ? 'followUpReplyReminder' : 'followUpReminder',
        params,
      ),
    });
  }
  await writeSetting(store, 'reminders.followUps', next);
  return fresh.length;
}
