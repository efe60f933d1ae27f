import { useState } from 'preact/hooks';
import { parseProfile, type FitProfile } from '@/lib/fit';
import { bundleWithLibrary, splitBundle } from '@/lib/templates/bundle';
import { useApi, useQuery } from '../../api';
import { useT } from '../../i18n';
import { download } from '../download';
import { FilePicker } from '../FilePicker';
import type { Draft } from './draft';

/** Pick a profile, duplicate it, export it as JSON, or import one (errors listed by field). */
export function ProfileBar({
  draft,
  profiles,
  activeProfileId,
  onPick,
}: {
  draft: Draft;
  profiles: FitProfile[];
  activeProfileId: string;
  onPick(draft: Draft): void;
}) {
  const t = useT();
  const [importIssues, setImportIssues] = useState<string[]>([]);
  // The compose templates and question sets travel in the same file (#19).
  const { send } = useApi();
  const library = useQuery((s) => s('templates/get', {}), []);
  return (
    <>
      <div class="row-inline">
        <label>
          {t('criteriaProfile')}{' '}
          <select
            value={draft.id}
            onChange={(e) => {
              const picked = profiles.find((p) => p.id === (e.target as HTMLSelectElement).value);
              if (picked) onPick(structuredClone(picked));
            }}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.id === activeProfileId ? ' ✓' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            onPick({
              ...structuredClone(draft),
              id: crypto.randomUUID(),
              name: t('copyOf', { name: draft.name }),
            })
          }
        >
          {t('duplicate')}
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `${draft.id}.criteria.json`,
              JSON.stringify(library.data ? bundleWithLibrary(draft, library.data) : draft, null, 2),
              'application/json',
            )
          }
        >
          {t('exportJson')}
        </button>
        <FilePicker
          label={t('importJson')}
          accept="application/json,.json"
          onText={(text) => {
            const bundle = splitBundle(text);
            const result = bundle.ok ? parseProfile(bundle.profile) : bundle;
            if (!result.ok) {
              setImportIssues(result.issues.map((i) => `${i.path || 'file'}: ${i.message}`));
              return;
            }
            onPick(result.profile);
            setImportIssues([]);
            if (bundle.ok && bundle.library)
              send('templates/save', { library: bundle.library }).catch((error: Error) =>
                setImportIssues([error.message]),
              );
          }}
        />
      </div>
      {importIssues.length > 0 && (
        <ul class="error" role="alert">
          {importIssues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </>
  );
}
