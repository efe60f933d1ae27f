// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { createScanner, observeChanges } from './scanner';
import { exceeds } from './dom';

function cardsHtml(n: number, offset = 0) {
  return Array.from(
    { length: n },
    (_, i) =>
      `<div class="card"><h3>Anna Berg${String.fromCharCode(65 + ((i + offset) % 26))}${String.fromCharCode(65 + (Math.floor((i + offset) / 26) % 26))}</h3><p>Head of Sales</p><a href="mailto:a${i + offset}@firma${i + offset}.de">Mail</a></div>`,
  ).join('');
}

describe('incremental scanner', () => {
  test("does nothing in the caller's task; reads the page, then splits it, in tasks of their own", async () => {
    document.body.replaceChildren();
    const section = document.createElement('section');
    section.insertAdjacentHTML('beforeend', cardsHtml(300));
    document.body.append(section);
    let fake = 0;
    let yields = 0;
    const scanner = createScanner(document, () => undefined, {
      url: 'https://firma.de/',
      maxChunkElements: 100,
      sliceMs: 20,
      now: () => (fake += 1),
      yieldToPage: () => (yields++, Promise.resolve()),
    });
    // Created: no chunk read, no element counted (one tick of the clock at most).
    expect(scanner.stats.chunks).toBe(0);
    expect(fake).toBe(0);
    await scanner.idle();
    expect(scanner.stats.chunks).toBe(300);
    expect(scanner.contacts()).toHaveLength(300);
    // 300 cards split 19 at a time (20 ticks a slice) take 16 split slices, each after a yield.
    expect(yields).toBeGreaterThanOrEqual(1 + 16);
  });

  test('scans in slices, then only what changes', async () => {
    document.body.replaceChildren();
    const section = document.createElement('section');
    section.append(
      ...Array.from({ length: 20 }, (_, k) => {
        const div = document.createElement('div');
        div.insertAdjacentHTML('beforeend', cardsHtml(20, k * 20));
        return div;
      }),
    );
    document.body.append(section);
    let fake = 0;
    let calls = 0;
    let last: number = 0;
    let changed = 0;
    const scanner = createScanner(
      document,
      (u) => (calls++, (last = u.all.length), (changed = u.changed.length)),
      {
        url: 'https://firma.de/',
        maxChunkElements: 100,
        sliceMs: 5,
        now: () => (fake += 1),
        yieldToPage: () => Promise.resolve(),
      },
    );
    await scanner.idle();
    expect(last).toBe(400);
    expect(scanner.stats.slices).toBeGreaterThan(1);
    const chunksAfterFirst = scanner.stats.chunks;

    const stopObserving = observeChanges(document, scanner, 0);
    const extra = document.createElement('div');
    extra.insertAdjacentHTML('beforeend', cardsHtml(1, 1000));
    section.children[3]!.append(extra);
    await new Promise((r) => setTimeout(r, 20));
    await scanner.idle();
    expect(last).toBe(401);
    expect(changed).toBe(1);
    // Only the changed part was scanned again, not the 20 chunks of the page.
    expect(scanner.stats.chunks - chunksAfterFirst).toBe(1);
    expect(calls).toBeGreaterThanOrEqual(2);
    stopObserving();
    scanner.stop();
  });
});

describe('first scan', () => {
  test('skips our own elements and what they hold, large or small', async () => {
    const own = (html: string) => `<div data-pipeline-scout="badge">${html}</div>`;
    document.body.innerHTML = `<section>${cardsHtml(3)}${own(cardsHtml(2, 10))}<div>${own(cardsHtml(40, 20))}</div></section>`;
    const scanner = createScanner(document, () => undefined, {
      url: 'https://firma.de/',
      maxChunkElements: 10,
      yieldToPage: () => Promise.resolve(),
    });
    await scanner.idle();
    expect(scanner.contacts().map((c) => c.emails[0])).toEqual([
      'a0@firma0.de',
      'a1@firma1.de',
      'a2@firma2.de',
    ]);
    // The three cards are the chunks: nothing of ours is even queued.
    expect(scanner.stats.chunks).toBe(3);
    scanner.stop();
  });
});

describe('exceeds', () => {
  test('counts descendants up to the limit', () => {
    const el = document.createElement('div');
    for (let i = 0; i < 3; i++) el.append(document.createElement('p'));
    el.firstElementChild!.append(document.createElement('b'));
    expect(exceeds(el, 3)).toBe(true);
    expect(exceeds(el, 4)).toBe(false);
    expect(exceeds(document.createElement('div'), 0)).toBe(false);
  });
});
