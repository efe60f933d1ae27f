import type { ThreadRecord } from '@/lib/db';

/** Remembered notifications are bounded: the oldest entries are dropped first. */
const MAX_REMEMBERED = 1_000;

/**
 * Which due follow-ups to notify: each thread once per due date (a new message moves the date
 * and may notify again). Returns the record of what was notified, bounded.
 */
export function followUpReminders(
  due: readonly ThreadRecord[],
  notified: Record<string, number>,
): { fresh: ThreadRecord[]; notified: Record<string, number> } {
  const fresh = due.filter(
    (t) => t.dealId && t.followUpDueAt !== undefined && notified[t.id] !== t.followUpDueAt,
  );
  const next = { ...notified };
  for (const t of fresh) {
    delete next[t.id];
    next[t.id] = t.followUpDueAt!;
  }
  const keys = Object.keys(next);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete next[key];
  return { fresh, notified: next };
}
