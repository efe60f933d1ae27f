import { normaliseEmail, registrableDomain } from '../email';
import type { AddressProposal } from './propose';

/**
 * The guess a contact still needs: none once one of its confirmed addresses is the guessed one
 * (it appeared on a page or in a mail) or is at the same company (its real address is known).
 */
export function openProposal(
  proposal: AddressProposal | undefined,
  emailKeys: readonly string[],
): AddressProposal | undefined {
  if (!proposal) return undefined;
  const key = normaliseEmail(proposal.address)?.key;
  if (!key || key !== proposal.key) return undefined;
  const settled = emailKeys.some(
    (k) => k === key || registrableDomain(k.slice(k.lastIndexOf('@') + 1)) === proposal.domain,
  );
  return settled ? undefined : proposal;
}
