import type { Page } from 'playwright-core';
import type { Rig } from './fixtures';

export type Dump = Record<'contacts' | 'deals' | 'activities' | 'settings', Record<string, unknown>[]>;

const BACKED_UP = ['contacts', 'deals', 'activities', 'settings'] as const;

/**
 * Every record of every store, read in the service worker (what the extension really keeps).
 * `withThreads` adds the stored mail threads (not part of a backup).
 */
export function dumpDb(rig: Rig): Promise<Dump>;
export function dumpDb(
  rig: Rig,
  options: { withThreads: true },
): Promise<Dump & { threads: Record<string, unknown>[] }>;
export function dumpDb(rig: Rig, options?: { withThreads: true }): Promise<Dump> {
  const names: string[] = [...BACKED_UP, ...(options?.withThreads ? ['threads'] : [])];
  return rig.browser.serviceWorker.evaluate(async (names: string[]) => {
    const open = indexedDB.open('pipeline-scout');
    const db: IDBDatabase = await new Promise(
      (ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))),
    );
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      out[name] = await new Promise((ok) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => ok(r.result);
      });
    }
    db.close();
    return out;
  }, names) as Promise<Dump>;
}

/** Every record of one store (threads too, which `dumpDb` leaves out), read in the service worker. */
export function readStore<T>(rig: Rig, name: string): Promise<T[]> {
  return rig.browser.serviceWorker.evaluate(async (store: string) => {
    const open = indexedDB.open('pipeline-scout');
    const db: IDBDatabase = await new Promise(
      (ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))),
    );
    const all: unknown[] = await new Promise((ok) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return all;
  }, name) as Promise<T[]>;
}

/** Sends one protocol message from an extension page, as the UI would; returns the reply's data. */
export async function sendFrom<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    (message) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(message),
    { type, payload },
  )) as { ok: boolean; data?: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${type}: ${reply.error?.message}`);
  return reply.data as T;
}
