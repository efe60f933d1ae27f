/**
 * The two directions that are not requests: what the background tells open extension pages
 * (over a port) and what it tells content scripts (`tabs.sendMessage`). Defined once, typed and
 * validated on arrival like the request protocol. zod/mini keeps the content script small.
 */
import * as z from 'zod/mini';

export { EVENTS_PORT } from './port';

const tabId = z.number().check(z.int(), z.nonnegative());
const count = z.number().check(z.int(), z.nonnegative());
const time = z.number();

/** A long job's progress as pages see it (lib/db/job-types.ts has the stored record). */
export const jobView = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Imports are stored jobs (lib/db/jobs.ts); the rest are tasks of the worker (lib/io/tasks.ts). */
  kind: z.enum(['import-csv', 'import-vcard', 'backup', 'restore', 'export-csv', 'export-vcard', 'sync']),
  mode: z.enum(['all-or-nothing', 'valid-rows']),
  state: z.enum(['running', 'paused', 'cancelling', 'done', 'cancelled', 'failed']),
  total: count,
  done: count,
  created: count,
  merged: count,
  errorCount: count,
  skipped: count,
  error: z.optional(z.string().check(z.maxLength(500))),
  startedAt: time,
  updatedAt: time,
  runStartedAt: time,
  runStartDone: count,
  /** A team sync round (kind `sync`): documents into the local copy, to the server, into the store. */
  sync: z.optional(z.strictObject({ pulled: count, pushed: count, applied: count })),
});
export type JobView = z.infer<typeof jobView>;

/** Background → extension pages. */
export const appEvent = z.discriminatedUnion('kind', [
  /** Stored data changed (one event per committed write, coalesced per task). */
  z.strictObject({ kind: z.literal('changed') }),
  /** The sidebar should show what a page, a chip or a reminder pointed at. */
  z.strictObject({ kind: z.literal('focus'), tabId: z.optional(tabId) }),
  /** A tab's detected contacts changed. */
  z.strictObject({ kind: z.literal('tab'), tabId }),
  /** A long job (an import, a backup, a restore, an export, a team sync round) moved: progress, or a new state. */
  z.strictObject({ kind: z.literal('job'), job: jobView }),
]);
export type AppEvent = z.infer<typeof appEvent>;
export type AppEventKind = AppEvent['kind'];

/** Background → content script. */
export const contentCommand = z.discriminatedUnion('type', [
  /** Stored data changed: ask for this page's badges again. */
  z.strictObject({ type: z.literal('badges/refresh') }),
]);
export type ContentCommand = z.infer<typeof contentCommand>;

export function parseAppEvent(value: unknown): AppEvent | undefined {
  const result = appEvent.safeParse(value);
  return result.success ? result.data : undefined;
}

export function parseContentCommand(value: unknown): ContentCommand | undefined {
  const result = contentCommand.safeParse(value);
  return result.success ? result.data : undefined;
}
