// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { badgeText, badgeTooltip, createOverlay } from './overlay';
import type { BadgeState } from '@/lib/messages';

const state = (s: Partial<BadgeState>): BadgeState => ({
  key: 'k',
  verdict: 'lead',
  score: 80,
  saved: false,
  ...s,
});

describe('badges', () => {
  test('text: fit, stage, and "+ Add" for an unknown good fit in webmail', () => {
    expect(badgeText(state({}), 'en', 'badge')).toBe('Lead 80');
    expect(badgeText(state({}), 'en', 'chip')).toBe('+ Add');
    expect(badgeText(state({ saved: true }), 'en', 'chip')).toBe('Lead 80');
    expect(
      badgeText(state({ stage: { step: 'scope', status: 'open' }, followUp: 'Follow-up due' }), 'en', 'chip'),
    ).toBe('Scope · Follow-up due');
    expect(
      badgeText(
        state({ stage: { step: 'scope', status: 'open' }, followUp: 'Follow-up due' }),
        'en',
        'badge',
      ),
    ).toBe('Scope');
    // The step alone fits the fixed box; the whole stage is in the tooltip (and the accessible name).
    expect(badgeText(state({ stage: { step: 'initiate', status: 'open' } }), 'en', 'chip')).toBe(
      'Initiate contact',
    );
    expect(badgeText(state({ stage: { step: 'scope', status: 'open' } }), 'de', 'chip')).toBe(
      'Umfang festlegen',
    );
    expect(badgeText(state({ stage: { step: 'propose', status: 'lost' } }), 'de', 'chip')).toBe(
      'Angebot (verloren)',
    );
    expect(
      badgeTooltip(state({ stage: { step: 'scope', status: 'open' }, followUp: 'Reply due' }), 'en', 'chip'),
    ).toBe('Needs assessment · Scope · Reply due\nLead (80)');
    expect(badgeTooltip(state({}), 'de', 'chip')).toBe('+ Hinzufügen\nLead (80)');
    expect(badgeText(state({ verdict: 'no-fit', score: 10 }), 'de', 'badge')).toBe('Kein Fit');
    expect(badgeTooltip(state({}), 'en', 'badge')).toBe('Lead (80)');
    expect(badgeTooltip(state({ stage: { step: 'scope', status: 'open' } }), 'en', 'badge')).toBe(
      'Needs assessment · Scope\nLead (80)',
    );
  });

  test('the overlay lives in a closed shadow root outside the page layout; one badge per key; gone with its element', () => {
    const anchor = document.createElement('h3');
    anchor.textContent = 'Jane';
    document.body.append(anchor);
    const overlay = createOverlay(document, { locale: 'en', mode: 'badge', onOpen: () => undefined });
    overlay.render([
      { key: 'a', target: 'a', anchor, state: state({ key: '<img src=x onerror=alert(1)>' }) },
      { key: 'a', target: 'a', anchor, state: state({}) },
    ]);
    const host = document.querySelector('[data-pipeline-scout]') as HTMLElement;
    // A random tag per load: no page can select, style or pre-define the host by a known name.
    expect(host.tagName).toMatch(/^PS-[0-9A-F]{8}$/);
    const other = createOverlay(document, { locale: 'en', mode: 'badge', onOpen: () => undefined });
    other.render([{ key: 'b', target: 'b', anchor, state: state({}) }]);
    expect(document.querySelectorAll('[data-pipeline-scout]')[1]!.tagName).not.toBe(host.tagName);
    other.destroy();
    expect(host.shadowRoot).toBeNull();
    expect(host.style.position).toBe('absolute');
    expect(overlay.count()).toBe(1);
    expect(document.body.contains(host)).toBe(false);
    overlay.render([]);
    expect(overlay.count()).toBe(0);
    overlay.destroy();
  });

  test('a re-render rewrites only badges whose state changed', () => {
    // The page cannot reach the closed root; the test keeps the handle attachShadow returns.
    let root: ShadowRoot | undefined;
    const attach = HTMLElement.prototype.attachShadow;
    HTMLElement.prototype.attachShadow = function (init) {
      return (root = attach.call(this, init));
    };
    const anchors = ['Jane', 'Max'].map((name) => {
      const el = document.createElement('h3');
      el.textContent = name;
      document.body.append(el);
      return el;
    });
    const overlay = createOverlay(document, { locale: 'en', mode: 'badge', onOpen: () => undefined });
    HTMLElement.prototype.attachShadow = attach;
    const items = (second: BadgeState) => [
      { key: 'a', target: 'a', anchor: anchors[0]!, state: state({}) },
      { key: 'b', target: 'b', anchor: anchors[1]!, state: second },
    ];
    overlay.render(items(state({})));
    const [first, second] = [...root!.querySelectorAll('button')];
    const writes: string[] = [];
    new MutationObserver((records) =>
      records.forEach((r) => writes.push((r.target as Element).textContent ?? '')),
    ).observe(root!, { subtree: true, childList: true, characterData: true, attributes: true });
    overlay.render(items(state({ stage: { step: 'scope', status: 'open' } })));
    return new Promise<void>((done) =>
      queueMicrotask(() => {
        expect(first!.textContent).toBe('Lead 80');
        expect(second!.textContent).toBe('Scope');
        expect(writes.length).toBeGreaterThan(0);
        expect(writes.every((w) => w === 'Scope')).toBe(true);
        overlay.destroy();
        done();
      }),
    );
  });
});
