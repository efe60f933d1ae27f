import { useState } from 'preact/hooks';
import { wireOf, type TabContact } from '@/lib/messages/responses';
import type { AddressProposal } from '@/lib/contacts/address-pattern/propose';
import { CONFIDENT } from '@/lib/detect/types';
import { FIT_VERDICTS } from '@/lib/fit/types';
import { useApi, useAction } from '../api';
import { ContactSummary } from '../ContactSummary';
import { GuessedAddress } from '../GuessedAddress';
import { FitBadge, FitReasons } from '../FitBadge';
import { StageChip } from '../StageChip';
import { ErrorState } from '../States';
import { useT } from '../i18n';

const ORDER = Object.fromEntries(FIT_VERDICTS.map((v, i) => [v, i]));

export function sortContacts(contacts: TabContact[]): TabContact[] {
  return [...contacts].sort(
    (a, b) => ORDER[a.fit.verdict]! - ORDER[b.fit.verdict]! || b.fit.score - a.fit.score,
  );
}

/** Arrow keys move between rows; the rows are the list's tab stops. */
function onListKey(event: KeyboardEvent) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const rows = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[data-row]')];
  const index = rows.findIndex((r) => r.contains(document.activeElement));
  const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function TabContacts({
  contacts,
  url,
  onOpenContact,
}: {
  contacts: TabContact[];
  url?: string;
  onOpenContact(contactId: string): void;
}) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [showAll, setShowAll] = useState(false);
  // Confident finds are listed; the rest (a bare name in a list, say) only on request.
  const confident = contacts.filter((c) => (c.confidence ?? 1) >= CONFIDENT);
  const uncertain = contacts.length - confident.length;
  const listed = showAll ? contacts : confident;

  const save = (c: TabContact) =>
    send('contacts/add', { contact: wireOf(c), sourceUrl: url, proposedEmail: c.proposed });
  /** The rep's word makes the guess an address: on the stored contact, or on the one saved now. */
  const confirm = async (c: TabContact, proposal: AddressProposal) => {
    if (!c.contactId) {
      // Saved at the guess's company, so the next guesses there count this address as evidence.
      const contact = {
        ...wireOf(c),
        emails: [...c.emails, proposal.address],
        companyDomain: c.companyDomain ?? proposal.domain,
      };
      return send('contacts/add', { contact, sourceUrl: url });
    }
    const { contact } = await send('contacts/get', { id: c.contactId });
    return send('contacts/confirm-address', { id: contact.id, expectedVersion: contact.version });
  };
  const startDeal = async (c: TabContact) => {
    const contactId = c.contactId ?? (await save(c)).contact.id;
    await send('deals/start', { contactId });
    onOpenContact(contactId);
  };

  return (
    <div>
      {action.error && <ErrorState error={action.error} />}
      <ul class="list" aria-label={t('foundHere')} onKeyDown={onListKey}>
        {sortContacts(listed).map((c) => (
          <li key={c.key} class="row" data-row tabIndex={0}>
            <ContactSummary
              name={c.name}
              title={c.title}
              company={c.company}
              email={c.emails[0] ?? c.storedEmail}
            >
              <div class="chips">
                <FitBadge verdict={c.fit.verdict} score={c.fit.score} />
                {c.deal && <StageChip step={c.deal.step} status={c.deal.status} />}
              </div>
              <FitReasons reasons={c.fit.reasons} />
              {c.proposed && (
                <GuessedAddress
                  proposal={c.proposed}
                  busy={action.busy}
                  onConfirm={() => action.run(() => confirm(c, c.proposed!))}
                />
              )}
            </ContactSummary>
            <div class="actions">
              {!c.contactId && (
                <button type="button" disabled={action.busy} onClick={() => action.run(() => save(c))}>
                  {t('addContact')}
                </button>
              )}
              <button
                type="button"
                class="primary"
                disabled={action.busy}
                onClick={() => action.run(() => startDeal(c))}
              >
                {c.deal && c.deal.status !== 'lost' ? t('openDeal') : t('startDeal')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {uncertain > 0 && (
        <button type="button" class="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {t(showAll ? 'hideLessCertain' : 'showLessCertain')} ({uncertain})
        </button>
      )}
    </div>
  );
}
