import type { Page } from 'playwright-core';

/** A CRM export of `n` people, one e-mail each: row i is k{i}@firma{i % 100}.de, Kim Lee{i}. */
export const bookCsv = (n: number) =>
  ['Email,First Name,Last Name,Job Title']
    .concat(Array.from({ length: n }, (_, i) => `k${i}@firma${i % 100}.de,Kim,Lee${i},Head of Sales`))
    .join('\n');

/** The same people as vCard 4.0 cards. */
export const bookVcf = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kim Lee${i}\r\nEMAIL:k${i}@firma${i % 100}.de\r\nTITLE:Head of Sales\r\nEND:VCARD\r\n`,
  ).join('');

/** Every stored contact, read straight from an extension page (same origin as the background). */
export async function readContacts(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('pipeline-scout');
    const db: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
    const all: unknown[] = await new Promise((ok) => {
      const r = db.transaction('contacts').objectStore('contacts').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return all;
  });
}

/** How many contacts are stored. */
export async function countContacts(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('pipeline-scout');
    const db: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
    const n: number = await new Promise((ok) => {
      const r = db.transaction('contacts').objectStore('contacts').count();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return n;
  });
}
