import { browser } from 'wxt/browser';
import { dueDeals } from '@/lib/db';
import { endOfToday } from '@/lib/pipeline/end-of-today';
import type { Services } from './services';

/** The toolbar badge: leads found on this tab, else the next steps due today. */
export async function updateActionBadge(services: Services, tabId?: number) {
  const leads = tabId !== undefined ? services.tabs.leadCount(tabId) : 0;
  if (tabId !== undefined && leads > 0) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1a7f37' });
    await browser.action.setBadgeText({ tabId, text: String(leads) });
    return;
  }
  let due = 0;
  try {
    due = (await dueDeals(await services.store(), endOfToday(services.now()))).length;
  } catch {
    due = 0;
  }
  const text = due > 0 ? String(due) : '';
  if (tabId !== undefined) {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b35900' });
    await browser.action.setBadgeText({ tabId, text });
  } else {
    await browser.action.setBadgeBackgroundColor({ color: '#b35900' });
    await browser.action.setBadgeText({ text });
  }
}
