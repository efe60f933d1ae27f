import { createScanner, observeChanges, type DetectedContact } from '@/lib/detect';
import type { BadgeState, Send } from '@/lib/messages';
import type { createOverlay } from './overlay';
import { anchorOf, keyOf, MAX_REPORTED, pageTextSample, toWire } from './wire';

/** Web pages: scan once in slices, then what changes; badges beside each contact found. */
export function runPageMode(doc: Document, send: Send, overlay: ReturnType<typeof createOverlay>) {
  let latest: DetectedContact[] = [];
  let reporting = false;
  let again = false;

  const render = (badges: BadgeState[]) => {
    const byKey = new Map(badges.map((b) => [b.key, b]));
    overlay.render(
      latest.flatMap((c) => {
        const key = keyOf(c);
        const state = byKey.get(key);
        const anchor = anchorOf(c);
        return state && anchor ? [{ key, target: c.emails[0] ?? key, anchor, state }] : [];
      }),
    );
  };

  const report = async () => {
    if (reporting) {
      again = true;
      return;
    }
    reporting = true;
    try {
      const { badges } = await send('page/report', {
        contacts: latest.slice(0, MAX_REPORTED).map(toWire),
        pageText: pageTextSample(doc),
      });
      render(badges);
    } catch {
      // The background may be restarting; the next change reports again.
    } finally {
      reporting = false;
      if (again) {
        again = false;
        void report();
      }
    }
  };

  const scanner = createScanner(
    doc,
    (contacts) => {
      latest = contacts;
      void report();
    },
    { url: location.href, useLayout: true },
  );
  const stop = observeChanges(doc, scanner);
  return {
    async refresh() {
      try {
        const { badges } = await send('page/badges', { emails: [] });
        render(badges);
      } catch {
        // ignore: nothing to refresh
      }
    },
    stop() {
      stop();
      scanner.stop();
    },
  };
}
