import type { DetectedContact, ScanUpdate } from '@/lib/detect';
import { contactKey } from '@/lib/contacts/key';

/**
 * The page's contacts by key, as the scanner's updates leave them. An update is only kept when it
 * arrives (inside the scanner's slice) and applied when the contacts are read: on a 10,000-person
 * page the first update holds everyone, and keying them all is work for a task of our own.
 */
export function pageContacts() {
  const contacts = new Map<string, DetectedContact>();
  let fresh: ScanUpdate[] = [];
  return {
    add(update: ScanUpdate) {
      // A full picture replaces whatever came before it.
      if (update.initial) fresh = [];
      fresh.push(update);
    },
    read(): ReadonlyMap<string, DetectedContact> {
      for (const update of fresh) {
        if (update.initial) contacts.clear();
        for (const c of update.initial ? update.all : update.changed) contacts.set(contactKey(c), c);
      }
      fresh = [];
      return contacts;
    },
  };
}
