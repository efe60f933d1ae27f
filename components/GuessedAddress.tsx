import type { AddressProposal } from '@/lib/contacts/address-pattern/propose';
import { useT } from './i18n';

/**
 * A guessed address, marked as a guess wherever it shows: the address, its evidence ("4 of 5
 * known addresses at acme.de are first.last"), its confidence, and the rep's Confirm.
 */
export function GuessedAddress({
  proposal,
  busy,
  onConfirm,
}: {
  proposal: AddressProposal;
  busy: boolean;
  onConfirm(): void;
}) {
  const t = useT();
  return (
    <div class="guess" data-guess={proposal.address} title={t('guessHint')}>
      <span class="guess-mark">{t('guess')}</span>{' '}
      <span class="small" dir="auto">
        {proposal.address}
      </span>
      <span class="muted small">
        {t('guessEvidence', {
          matching: proposal.matching,
          total: proposal.total,
          domain: proposal.domain,
          pattern: proposal.pattern,
        })}{' '}
        · {t('guessConfidence', { percent: Math.round(proposal.confidence * 100) })}
        {proposal.assumed.length > 0 && ` · ${t('guessAssumed')}`}
      </span>
      <button type="button" disabled={busy} onClick={onConfirm}>
        {t('confirmAddress')}
      </button>
    </div>
  );
}
