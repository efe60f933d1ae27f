import { useState } from 'preact/hooks';
import { useApi, useQuery } from '../api';
import { SearchBox } from '../SearchBox';
import { Empty, ErrorState, Loading } from '../States';
import { useT } from '../i18n';
import { Board } from './Board';
import { ContactView, UnsavedContact } from './ContactView';
import { Metrics } from './Metrics';
import { UndoForget, type Forgotten } from './Forget';

type View = 'contact' | 'board' | 'metrics';

export function Sidebar({ tabId, now = Date.now }: { tabId?: number; now?: () => number }) {
  const { send } = useApi();
  const t = useT();
  const [view, setView] = useState<View>('contact');
  const [forgotten, setForgotten] = useState<Forgotten>();
  const focus = useQuery((s) => s('focus/get', { tabId }), [tabId], ['changed', 'focus', 'tab']);
  const open = (contactId: string) => {
    setView('contact');
    void send('focus/set', { tabId, contactId }).then(focus.reload);
  };
  return (
    <main class="sidebar">
      <nav class="tabs" role="tablist" aria-label={t('appName')}>
        {(['contact', 'board', 'metrics'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            class={view === v ? 'active' : ''}
            onClick={() => setView(v)}
          >
            {t(v)}
          </button>
        ))}
      </nav>
      {view === 'contact' && (
        <div role="tabpanel">
          <SearchBox onPick={(c) => open(c.id)} />
          {focus.error && <ErrorState error={focus.error} onRetry={focus.reload} />}
          {focus.loading && !focus.data && <Loading />}
          {forgotten && (
            <UndoForget
              forgotten={forgotten}
              now={now}
              onExpired={() => setForgotten(undefined)}
              onUndone={() => (setForgotten(undefined), open(forgotten.contactId))}
            />
          )}
          {focus.data?.detail && (
            <ContactView
              detail={focus.data.detail}
              now={now}
              onReload={focus.reload}
              onForgotten={(f) => (setForgotten(f), focus.reload())}
            />
          )}
          {focus.data && !focus.data.detail && focus.data.unsaved && (
            <UnsavedContact contact={focus.data.unsaved} />
          )}
          {focus.data && !focus.data.detail && !focus.data.unsaved && <Empty>{t('noFocus')}</Empty>}
        </div>
      )}
      {view === 'board' && (
        <div role="tabpanel">
          <Board onOpen={open} />
        </div>
      )}
      {view === 'metrics' && (
        <div role="tabpanel">
          <Metrics now={now} />
        </div>
      )}
    </main>
  );
}
