import { upsertContact, type UpsertResult } from '@/lib/db';
import type { ContactInput } from '@/lib/contacts/contact';
import type { DetectedContactWire } from '@/lib/messages';
import type { Services } from './services';
import { relinkThreads } from './threads';

/**
 * Saves a detected contact with its fit under the active profile and where it was seen: the one
 * way a detection becomes a record (the popup's Add, the context menu's "Add selection").
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
  const result = await upsertContact(store, {
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
