import { useRef, useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/contact';
import { mergeConflicts, type MergeChoices } from '@/lib/contacts/merge';
import { useAction, useApi, useQuery } from '../api';
import { useT } from '../i18n';
import { EditorForm, SaveError, useEscape, useFocusOnOpen } from './form';
import { SearchBox } from '../SearchBox';

const FIELD_LABEL = {
  name: 'fieldName',
  title: 'fieldTitle',
  company: 'fieldCompany',
  companyDomain: 'fieldCompanyDomain',
} as const;

/**
 * Merge with any contact the rep knows is the same person (two addresses, no shared phone or
 * company): find the other record, then the same merge form as for a flagged duplicate.
 */
export function MergeWith({ contact, onReload }: { contact: Contact; onReload(): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState<Contact>();
  const close = () => (setOther(undefined), setOpen(false));
  if (!open)
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {t('mergeWith')}
      </button>
    );
  if (other) return <MergeForm keep={contact} other={other} onDone={close} onReload={onReload} />;
  return <FindOther self={contact.id} onPick={setOther} onCancel={close} />;
}

function FindOther({ self, onPick, onCancel }: { self: string; onPick(c: Contact): void; onCancel(): void }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useFocusOnOpen(box);
  return (
    <div ref={box} class="editor" onKeyDown={useEscape(onCancel)}>
      <SearchBox id="merge-search" label={t('mergeWithSearch')} onPick={(c) => c.id !== self && onPick(c)} />
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** Likely duplicates of the contact with the reason, each mergeable into this one. */
export function Duplicates({ contact, onReload }: { contact: Contact; onReload(): void }) {
  const t = useT();
  const [merging, setMerging] = useState<string>();
  const dupes = useQuery((s) => s('contacts/duplicates', { id: contact.id }), [contact.id, contact.version]);
  if (!dupes.data?.length) return null;
  return (
    <section class="duplicates" aria-label={t('duplicates')}>
      <h3>{t('duplicates')}</h3>
      <ul class="plain">
        {dupes.data.map(({ contact: other, reasons }) => (
          <li key={other.id} data-duplicate={other.id}>
            <strong dir="auto">{other.name || other.emails[0]}</strong>{' '}
            <span class="muted small" dir="auto">
              {other.emails[0]} · {reasons.map((r) => t(`reason_${r}` as const)).join(', ')}
            </span>{' '}
            {merging !== other.id && (
              <button type="button" class="link" onClick={() => setMerging(other.id)}>
                {t('merge')}
              </button>
            )}
            {merging === other.id && (
              <MergeForm
                keep={contact}
                other={other}
                onDone={() => setMerging(undefined)}
                onReload={onReload}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MergeForm({
  keep,
  other,
  onDone,
  onReload,
}: {
  keep: Contact;
  other: Contact;
  onDone(): void;
  onReload(): void;
}) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const conflicts = mergeConflicts(keep, other);
  const [choices, setChoices] = useState<MergeChoices>({});
  return (
    <EditorForm
      label={t('mergeInto')}
      submitLabel={t('mergeInto')}
      busy={action.busy}
      onCancel={onDone}
      onSubmit={() =>
        void action.run(() =>
          send('contacts/merge', {
            keepId: keep.id,
            keepVersion: keep.version,
            otherId: other.id,
            otherVersion: other.version,
            choices,
          }),
        )
      }
    >
      <p class="small">{t('mergeExplain')}</p>
      {conflicts.map((field) => (
        <fieldset key={field}>
          <legend>{t(FIELD_LABEL[field])}</legend>
          {(['keep', 'other'] as const).map((side) => (
            <label key={side} class="inline">
              <input
                type="radio"
                name={`merge-${field}`}
                checked={(choices[field] ?? 'keep') === side}
                onChange={() => setChoices({ ...choices, [field]: side })}
              />
              <span dir="auto">{(side === 'keep' ? keep : other)[field]}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <SaveError error={action.error} what="contactConflict" onReload={() => (action.clear(), onReload())} />
    </EditorForm>
  );
}
