import { useEffect, useState } from 'preact/hooks';
import { useApi, useAction, useQuery } from '../api';
import { ContactSummary } from '../ContactSummary';
import { NextStepLine } from '../NextStepLine';
import { FollowUpLine } from '../FollowUpLine';
import { SearchBox } from '../SearchBox';
import { Empty, ErrorState, Loading } from '../States';
import { useT } from '../i18n';
import { TabContacts } from './TabContacts';
import { endOfToday } from '@/lib/pipeline/end-of-today';

export interface PopupProps {
  tabId?: number;
  /** Opens the sidebar; must run synchronously inside the click (user gesture). */
  openSidebar(): void;
  now?: () => number;
}

export function Popup({ tabId, openSidebar, now = Date.now }: PopupProps) {
  const { send } = useApi();
  const t = useT();
  const tab = useQuery(
    (s) => (tabId === undefined ? Promise.resolve(undefined) : s('tab/state', { tabId })),
    [tabId],
    ['changed', 'tab'],
  );
  const due = useQuery((s) => s('deals/due', { until: endOfToday(now()) }), []);
  const scan = useAction();
  const ready = !!due.data && !tab.loading;
  useEffect(() => {
    if (ready && !performance.getEntriesByName('popup:ready').length) performance.mark('popup:ready');
  }, [ready]);
  const [scanFailed, setScanFailed] = useState(false);

  const focus = (contactId: string) => {
    openSidebar();
    void send('focus/set', { tabId, contactId });
  };
  const onScan = () =>
    scan.run(async () => {
      if (tabId === undefined) return;
      const { injected } = await send('tab/scan', { tabId });
      setScanFailed(!injected);
    });

  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('appName')}</h1>
        <button type="button" onClick={openSidebar}>
          {t('openSidebar')}
        </button>
      </header>
      <SearchBox onPick={(c) => focus(c.id)} />
      <section aria-labelledby="found">
        <h2 id="found">{t('foundHere')}</h2>
        {tab.error && <ErrorState error={tab.error} onRetry={tab.reload} />}
        {tab.loading && !tab.data && <Loading />}
        {tab.data && tab.data.contacts.length > 0 && (
          <TabContacts contacts={tab.data.contacts} url={tab.data.url} onOpenContact={focus} />
        )}
        {!tab.loading && !tab.data?.contacts.length && (
          <div>
            <Empty>{scanFailed ? t('scanFailed') : t('nothingFound')}</Empty>
            <button
              type="button"
              class="primary"
              disabled={scan.busy || tabId === undefined}
              onClick={onScan}
            >
              {scan.busy ? t('scanning') : t('scanPage')}
            </button>
          </div>
        )}
      </section>
      <section aria-labelledby="due">
        <h2 id="due">{t('due')}</h2>
        {due.error && <ErrorState error={due.error} onRetry={due.reload} />}
        {due.data && due.data.length === 0 && <Empty>{t('nothingDue')}</Empty>}
        <ul class="list">
          {due.data?.map((item) => (
            <li key={item.deal.id} class="row">
              <button type="button" class="result" onClick={() => focus(item.contact.id)}>
                <ContactSummary
                  name={item.contact.name}
                  company={item.contact.company}
                  email={item.contact.emails[0]}
                />
                <NextStepLine next={item.next} />
                <FollowUpLine followUp={item.followUp} now={now()} />
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
