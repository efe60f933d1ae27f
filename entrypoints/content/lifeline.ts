import type { Transport } from '@/lib/messages/client';

/** What Chromium and Firefox say once the extension was reloaded, updated or removed under a page. */
const INVALIDATED = /context invalidated/i;

/** Thrown instead of sending once the extension is gone: callers stop, they do not retry. */
export class ExtensionGone extends Error {
  constructor() {
    super('Pipeline Scout was reloaded or removed; this page’s script has stopped.');
    this.name = 'ExtensionGone';
  }
}

/**
 * A content script's link to its extension. After a reload or an update the old script keeps
 * running in open pages with a dead runtime (`runtime.id` undefined, every call failing at once):
 * the first call that finds it so runs every `onDeath` stop (observers, overlay, listeners) once,
 * and every later call throws `ExtensionGone` without touching the runtime.
 */
export function createLifeline(runtimeId: () => string | undefined) {
  let dead = false;
  const stops: (() => void)[] = [];
  const alive = () => {
    if (dead) return false;
    let id: string | undefined;
    try {
      id = runtimeId();
    } catch {
      id = undefined;
    }
    return !!id;
  };
  const die = () => {
    if (dead) return;
    dead = true;
    for (const stop of stops.splice(0)) {
      try {
        stop();
      } catch {
        // a stop that fails must not keep the others from running
      }
    }
  };
  return {
    alive,
    isDead: () => dead,
    die,
    onDeath(stop: () => void) {
      if (dead) stop();
      else stops.push(stop);
    },
    /** A transport that checks the context before and after each call. */
    guard(transport: Transport): Transport {
      return async (message) => {
        if (!alive()) {
          die();
          throw new ExtensionGone();
        }
        try {
          return await transport(message);
        } catch (error) {
          if (!alive() || INVALIDATED.test(String((error as Error)?.message ?? error))) {
            die();
            throw new ExtensionGone();
          }
          throw error;
        }
      };
    },
  };
}
export type Lifeline = ReturnType<typeof createLifeline>;

/**
 * How long to wait before the n-th retry (0-based) of a failed report: doubling from `base`,
 * capped at `max`; undefined once `attempts` retries were spent (the next change tries again).
 */
export function retryDelay(n: number, base = 500, max = 30_000, attempts = 6): number | undefined {
  return n < attempts ? Math.min(max, base * 2 ** n) : undefined;
}
