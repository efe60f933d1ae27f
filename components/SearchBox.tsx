import { useEffect, useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/contact';
import { useApi } from './api';
import { useT } from './i18n';

/** Search over all contacts, results as you type (debounced). */
export function SearchBox({
  onPick,
  id = 'contact-search',
  label,
}: {
  onPick(contact: Contact): void;
  /** The input's id (unique on the page) and label, when a second search box is on screen. */
  id?: string;
  label?: string;
}) {
  const { send } = useApi();
  const t = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Contact[] | undefined>();
  useEffect(() => {
    if (!query.trim()) {
      setResults(undefined);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      send('contacts/search', { query }).then(
        (r) => !cancelled && setResults(r),
        () => !cancelled && setResults([]),
      );
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);
  return (
    <div class="search" role="search">
      <label class="visually-hidden" for={id}>
        {label ?? t('search')}
      </label>
      <input
        id={id}
        type="search"
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        autoComplete="off"
      />
      {results && (
        <ul class="results" role="listbox" aria-label={label ?? t('search')}>
          {results.length === 0 && <li class="muted">{t('noResults')}</li>}
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" class="result" onClick={() => onPick(c)}>
                <strong>{c.name || c.emails[0]}</strong>
                <span class="muted">{[c.title, c.company].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
