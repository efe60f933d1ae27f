import { browser } from 'wxt/browser';
import { currentDeal, dealsOfContact, updateDeal } from '@/lib/db';
import { advance, exitCriterionMet, stageLabel } from '@/lib/pipeline';
import type { Services } from './services';
import { repStrings } from './rep-strings';
import { openSidebar } from './sidebar';
import { injectScanner } from './site-access';

/** Keyboard commands: open the sidebar, scan this page, advance the deal in front of the rep. */
export function registerCommands(services: Services) {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-sidebar') void openSidebar(tab?.id, tab?.windowId);
    else if (command === 'scan-page' && tab?.id !== undefined) void injectScanner(tab.id);
    else if (command === 'advance-deal') void advanceFocused(services, tab?.id);
  });
}

async function advanceFocused(services: Services, tabId?: number) {
  const focus = services.tabs.focus(tabId);
  const { locale, t } = await repStrings(services);
  const notify = (message: string) =>
    browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Pipeline Scout',
      message,
    });
  if (!focus.contactId) return notify(t('notifyNoFocus'));
  const store = await services.store();
  const deal = currentDeal(await dealsOfContact(store, focus.contactId));
  if (!deal || deal.status === 'lost') return notify(t('notifyNoOpenDeal'));
  // A shortcut never overrides an exit criterion: that needs a note in the sidebar.
  if (!exitCriterionMet(deal, services.now())) return notify(t('notifyNotYet'));
  const moved = await updateDeal(store, deal.id, deal.version, (d, now) => advance(d, now));
  return notify(t('notifyMoved', { stage: stageLabel(moved.step, locale) }));
}
