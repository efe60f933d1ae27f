import { StoreError } from '@/lib/db';
import { contactFromText, guessRegion } from '@/lib/detect';
import { repStrings } from './rep-strings';
import { saveDetected } from './save-detected';
import type { Services } from './services';

/** How much of a selection is read for a contact. */
const SELECTION_CHARS = 5_000;

/**
 * "Add selection as contact": the person in the selected text is saved and focused in the
 * sidebar. One the rep asked never to be suggested again is refused, with a notice that says so;
 * nothing is stored.
 */
export async function addSelection(
  services: Pick<Services, 'store' | 'activeProfile' | 'now' | 'locale' | 'tabs' | 'broadcast'>,
  text: string,
  tab: { id?: number; url?: string } | undefined,
  notify: (message: string) => unknown,
): Promise<void> {
  const detected = contactFromText(text.slice(0, SELECTION_CHARS), guessRegion(tab?.url));
  if (!detected) return;
  const { evidence: _evidence, ...fields } = detected;
  // A selection is a suggestion: saving it refuses an address on the never-suggest list.
  const saved = await saveDetected(services, { ...fields, detectors: ['selection'] }, tab?.url).catch(
    async (error: unknown) => {
      if (!(error instanceof StoreError && error.code === 'suppressed')) throw error;
      notify((await repStrings(services)).t('suppressedNotSaved'));
    },
  );
  if (!saved) return;
  const { contact } = saved;
  services.tabs.setFocus(tab?.id, { contactId: contact.id, email: contact.emails[0] });
  services.broadcast({ kind: 'focus', tabId: tab?.id });
}
