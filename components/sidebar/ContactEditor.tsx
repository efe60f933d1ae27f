import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/contact';
import type { ContactEdit } from '@/lib/contacts/edit';
import { provenanceOf } from '@/lib/contacts/provenance';
import { useAction, useApi } from '../api';
import { formatDate, useLocale, useT } from '../i18n';
import { EditorForm, SaveError } from './form';

/**
 * Where a field's value came from, in a few words ("from the page acme.de · 20 Nov 2026",
 * "from an import (leads.csv, 20 Nov 2026)").
 */
export function Provenance({ contact, field }: { contact: Contact; field: string }) {
  const t = useT();
  const locale = useLocale();
  const p = provenanceOf(contact, field);
  const date = formatDate(p.at, locale);
  return (
    <span class="muted small provenance" data-provenance={p.kind}>
      {p.kind === 'import'
        ? t(p.file ? 'fromImportFile' : 'fromImportOn', { file: p.file ?? '', date })
        : `${t(`from_${p.kind}` as const)}${p.host ? ` ${p.host}` : ''} · ${date}`}
    </span>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Every field of a contact, edited by keyboard: Enter in a field saves, Escape cancels, focus
 * starts on the name and returns to the Edit button. The background validates (lib/contacts/edit)
 * and checks the version: a stale edit shows the conflict with Reload.
 */
export function ContactEditor({
  contact,
  onDone,
  onReload,
}: {
  contact: Contact;
  onDone(): void;
  onReload(): void;
}) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [name, setName] = useState(contact.name);
  const [title, setTitle] = useState(contact.title ?? '');
  const [company, setCompany] = useState(contact.company ?? '');
  const [domain, setDomain] = useState(contact.companyDomain ?? '');
  const [emails, setEmails] = useState(contact.emails.length ? contact.emails : ['']);
  const [phones, setPhones] = useState(contact.phones.join('\n'));
  const [profiles, setProfiles] = useState(contact.profiles.join('\n'));
  const [tags, setTags] = useState(contact.tags.join(', '));
  const [notes, setNotes] = useState(contact.notes);

  const save = async () => {
    const patch: ContactEdit = {
      name,
      title,
      company,
      companyDomain: domain,
      emails: emails.map((e) => e.trim()).filter(Boolean),
      phones: lines(phones),
      profiles: lines(profiles),
      tags: tags
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      notes,
    };
    const done = await action.run(() =>
      send('contacts/update', { id: contact.id, expectedVersion: contact.version, patch }),
    );
    if (done) onDone();
  };
  const setEmail = (i: number, value: string) => setEmails(emails.map((e, k) => (k === i ? value : e)));
  const text = (label: string, value: string, set: (v: string) => void, field: string) => (
    <label>
      <span>
        {label} <Provenance contact={contact} field={field} />
      </span>
      <input dir="auto" value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </label>
  );
  const area = (label: string, value: string, set: (v: string) => void, field: string) => (
    <label>
      <span>
        {label} <Provenance contact={contact} field={field} />
      </span>
      <textarea
        dir="auto"
        rows={2}
        value={value}
        onInput={(e) => set((e.target as HTMLTextAreaElement).value)}
      />
    </label>
  );

  return (
    <EditorForm label={t('editContact')} onSubmit={() => void save()} onCancel={onDone} busy={action.busy}>
      {text(t('fieldName'), name, setName, 'name')}
      {text(t('fieldTitle'), title, setTitle, 'title')}
      {text(t('fieldCompany'), company, setCompany, 'company')}
      {text(t('fieldCompanyDomain'), domain, setDomain, 'companyDomain')}
      <fieldset>
        <legend>
          {t('fieldEmails')} <Provenance contact={contact} field="emails" />
        </legend>
        <ul class="plain">
          {emails.map((email, i) => (
            <li key={i} class="row">
              <input
                type="email"
                dir="auto"
                aria-label={`${t('fieldEmail')} ${i + 1}${i === 0 ? ` (${t('primary')})` : ''}`}
                value={email}
                onInput={(e) => setEmail(i, (e.target as HTMLInputElement).value)}
              />
              {i === 0 ? (
                <span class="muted small">{t('primary')}</span>
              ) : (
                <button
                  type="button"
                  class="link"
                  aria-label={`${t('makePrimary')}: ${email}`}
                  onClick={() => setEmails([email, ...emails.filter((_, k) => k !== i)])}
                >
                  {t('makePrimary')}
                </button>
              )}
              <button
                type="button"
                class="link"
                aria-label={`${t('removeEmail')}: ${email || i + 1}`}
                onClick={() => setEmails(emails.filter((_, k) => k !== i))}
              >
                {t('removeEmail')}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" class="link" onClick={() => setEmails([...emails, ''])}>
          {t('addEmail')}
        </button>
      </fieldset>
      {area(t('fieldPhones'), phones, setPhones, 'phones')}
      {area(t('fieldProfiles'), profiles, setProfiles, 'profiles')}
      {text(t('fieldTags'), tags, setTags, 'tags')}
      {area(t('fieldNotes'), notes, setNotes, 'notes')}
      <SaveError error={action.error} what="contactConflict" onReload={() => (action.clear(), onReload())} />
    </EditorForm>
  );
}
