import { saveSuggestedContact, upsertContact, type UpsertResult } from '@/lib/db';
import { kindOfDetector } from '@/lib/contacts/provenance';
import type { ContactInput } from '@/lib/contacts/contact';
import type { DetectedContactWire } from '@/lib/messages';
import type { Services } from './services';
import { relinkThreads } from './threads';

/**
 * Saves a detected contact with its fit under the active profile and where it was seen: the one
 * way a detection becomes a record (the popup's Add, the context menu's "Add selection"). A detected
 * or selected person the rep asked never to be suggested again is refused (lib/db/suppression.ts);
 * one the rep enters on purpose (typed, a referral) is saved.
 */
export async function saveDetected(
  services: Pick<Services, 'store' | 'activeProfile' | 'now'>,
  detected: DetectedContactWire,
  sourceUrl: string | undefined,
  extra: Partial<Pick<ContactInput, 'proposedEmail'>> = {},
): Promise<UpsertResult> {
  const store = await services.store();
  const profile = await services.activeProfile();
  const fit = profile.evaluate(detected);
  const seenAt = services.now();
  const deliberate =
    detected.detectors.length > 0 &&
    detected.detectors.every((d) => kindOfDetector(d) === 'manual' && d !== 'selection');
  const result = await (deliberate ? upsertContact : saveSuggestedContact)(store, {
    ...detected,
    fit: { ...fit, criteriaId: profile.profile.id },
    sources: sourceUrl
      ? detected.detectors.map((detector) => ({ url: sourceUrl, seenAt, detector, field: 'contact' }))
      : [],
    ...extra,
  });
  // Threads read before this contact was saved are linked now (a failure loses nothing: the next read links).
  await relinkThreads(store, result.contact.id).catch(() => undefined);
  return result;
}
