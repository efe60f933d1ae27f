import { OWN_ELEMENT_ATTRIBUTE } from '@/lib/detect/dom';
import { stageLabel, stepLabel, type Locale } from '@/lib/pipeline';
import { inPageText } from '@/lib/i18n/in-page';

const fill = (template: string, text: string) => template.replace('{text}', text);
import type { BadgeState } from '@/lib/messages';

export const MAX_BADGES = 200;
/**
 * Every badge and chip has this one size whatever it says: a page can measure the boxes in the
 * closed root (layout, scroll size, hit testing) but must not tell "No fit" from a stage label.
 * The full text is in the tooltip, which only the rep sees.
 */
export const BADGE_WIDTH = 112;

const STYLE = `
:host{all:initial}
.badge{
  position:absolute;pointer-events:auto;display:flex;align-items:center;gap:4px;
  font:600 11px/16px system-ui, -apple-system, "Segoe UI", sans-serif;padding:0 6px;margin:0;
  box-sizing:border-box;width:${BADGE_WIDTH}px;height:18px;min-width:0;max-width:none;
  border-radius:9px;border:1px solid rgba(0,0,0,.15);cursor:pointer;white-space:nowrap;
  overflow:hidden;box-shadow:0 1px 2px rgba(0,0,0,.15)
}
.label{flex:1 1 0;min-width:0;overflow:hidden;text-overflow:ellipsis;text-align:start}
.badge:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.lead{background:#dafbe1;color:#0f5323}
.maybe{background:#fff1c2;color:#6b4700}
.no-fit{background:#eef0f3;color:#3d4450}
.excluded{background:#ffe1e1;color:#8a1111}
.dot{width:7px;height:7px;border-radius:50%;background:currentColor;flex:none}
@media (prefers-color-scheme:dark){
  .lead{background:#0f3d1d;color:#aff5b4} .maybe{background:#4a3600;color:#ffe08a}
  .no-fit{background:#2d333b;color:#c5cdd6} .excluded{background:#5c1111;color:#ffc1c1}
}`;

const verdictText = (locale: Locale, verdict: BadgeState['verdict']) =>
  inPageText(locale, `verdict_${verdict}`);
const lost = (state: BadgeState, locale: Locale) =>
  state.stage?.status === 'lost' ? ` (${inPageText(locale, 'badgeLost')})` : '';

/**
 * What a badge or chip shows in its fixed box: the step alone ("Initiate contact", not the phase
 * too, which would be cut mid-word), else the fit. The whole stage is in the tooltip and the
 * accessible name (`badgeTooltip`).
 */
export function badgeText(state: BadgeState, locale: Locale, mode: 'badge' | 'chip'): string {
  if (state.stage)
    return (
      stepLabel(state.stage.step, locale) +
      lost(state, locale) +
      // The follow-up comes as label text from the background: the chip shows it, nothing more.
      (mode === 'chip' && state.followUp ? ` · ${state.followUp.slice(0, 60)}` : '')
    );
  if (mode === 'chip' && state.verdict === 'lead' && !state.saved) return inPageText(locale, 'badgeAdd');
  return state.verdict === 'lead' || state.verdict === 'maybe'
    ? `${verdictText(locale, state.verdict)} ${state.score}`
    : verdictText(locale, state.verdict);
}

/** The badge's tooltip: what the page itself says about the person (`about`), then the badge's state. */
export function badgeTooltip(
  state: BadgeState,
  locale: Locale,
  mode: 'badge' | 'chip',
  about: (string | undefined)[] = [],
): string {
  const stage = state.stage
    ? stageLabel(state.stage.step, locale) +
      lost(state, locale) +
      (mode === 'chip' && state.followUp ? ` · ${state.followUp.slice(0, 60)}` : '')
    : undefined;
  const add = !stage && mode === 'chip' && state.verdict === 'lead' && !state.saved;
  const fit = `${verdictText(locale, state.verdict)} (${state.score})`;
  return [...about, stage ?? (add ? inPageText(locale, 'badgeAdd') : undefined), fit]
    .filter(Boolean)
    .join('\n');
}

export interface OverlayItem {
  key: string;
  /** The address (or name key) the badge opens in the sidebar. */
  target: string;
  anchor: Element;
  state: BadgeState;
  /** Lines the page itself supplied (its name and title for the person), for the tooltip. */
  about?: (string | undefined)[];
}

interface Placed {
  button: HTMLButtonElement;
  anchor: Element;
  /** The address (or name key) the badge opens in the sidebar. */
  target: string;
  /** What the badge shows now, so an unchanged badge is not rewritten on every render. */
  shows?: string;
}

/**
 * Badges beside page elements, drawn in one closed shadow root laid over the page: nothing is
 * inserted into the page's own layout, and nothing in it is HTML.
 */
export function createOverlay(
  doc: Document,
  options: { locale: Locale; mode: 'badge' | 'chip'; onOpen(key: string): void },
) {
  // A new tag name per load: a page cannot style, select or pre-register our host by a known name.
  const host = doc.createElement(`ps-${crypto.randomUUID().slice(0, 8)}`);
  host.setAttribute(OWN_ELEMENT_ATTRIBUTE, '');
  host.style.cssText =
    'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483646;pointer-events:none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
  // Keys typed in a badge must not reach the page's shortcuts (Gmail's, say).
  for (const type of [
    'keydown',
    'keyup',
    'keypress',
    'mousedown',
    'mouseup',
    'click',
    'focusin',
    'focusout',
  ]) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  const placed = new Map<string, Placed>();
  const range = doc.createRange();
  let frame = 0;

  const view = doc.defaultView;

  /** Where a badge goes: after the end of the anchor's text, in page coordinates. */
  const placeOf = (anchor: Element) => {
    // Beside the end of the text, not the edge of a full-width block.
    range.selectNodeContents(anchor);
    const textRect = range.getBoundingClientRect();
    const rect = textRect.width || textRect.height ? textRect : anchor.getBoundingClientRect();
    return {
      hidden: rect.width === 0 && rect.height === 0,
      left: Math.round(rect.right + (view?.scrollX ?? 0) + 4),
      top: Math.round(rect.top + (view?.scrollY ?? 0) + Math.max(0, (rect.height - 18) / 2)),
    };
  };
  const put = (button: HTMLButtonElement, place: ReturnType<typeof placeOf>) => {
    button.style.display = place.hidden ? 'none' : '';
    button.style.left = `${place.left}px`;
    button.style.top = `${place.top}px`;
  };

  /** Reads every position first, then writes: one layout, never one per badge. */
  const position = () => {
    frame = 0;
    const places: [HTMLButtonElement, ReturnType<typeof placeOf>][] = [];
    for (const [key, { button, anchor }] of placed) {
      if (!anchor.isConnected) {
        button.remove();
        placed.delete(key);
        continue;
      }
      places.push([button, placeOf(anchor)]);
    }
    for (const [button, place] of places) put(button, place);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(position);
  };
  view?.addEventListener('scroll', schedule, { passive: true, capture: true });
  view?.addEventListener('resize', schedule, { passive: true });

  return {
    /** Shows one badge per key beside its element; badges of keys not given are removed. */
    render(items: OverlayItem[]) {
      const shown = items.slice(0, MAX_BADGES);
      // Measure before touching the DOM, so measuring forces no extra layout.
      const initial = new Map(shown.filter((i) => !placed.has(i.key)).map((i) => [i.key, placeOf(i.anchor)]));
      if (!host.isConnected) doc.documentElement.append(host);
      const keep = new Set<string>();
      for (const { key, target, anchor, state, about } of shown) {
        keep.add(key);
        let entry = placed.get(key);
        if (!entry) {
          const button = doc.createElement('button');
          button.type = 'button';
          button.addEventListener('click', (event) => {
            // Only a real click by the user opens anything; scripts cannot fake isTrusted.
            const current = placed.get(key);
            if (!event.isTrusted || !current) return;
            options.onOpen(current.target);
          });
          const dot = doc.createElement('span');
          dot.className = 'dot';
          const label = doc.createElement('span');
          label.className = 'label';
          button.append(dot, label);
          shadow.append(button);
          entry = { button, anchor, target };
          placed.set(key, entry);
          const place = initial.get(key);
          if (place) put(button, place);
        }
        entry.anchor = anchor;
        entry.target = target;
        const text = badgeText(state, options.locale, options.mode);
        const tooltip = badgeTooltip(state, options.locale, options.mode, about);
        const shows = `${state.verdict}\n${text}\n${tooltip}`;
        if (entry.shows === shows) continue;
        entry.shows = shows;
        const { button } = entry;
        button.className = `badge ${state.verdict}`;
        button.lastChild!.textContent = text;
        button.title = tooltip;
        button.setAttribute(
          'aria-label',
          fill(inPageText(options.locale, 'badgeOf'), tooltip.replace(/\n/g, ', ')),
        );
      }
      for (const [key, { button }] of placed) {
        if (!keep.has(key)) {
          button.remove();
          placed.delete(key);
        }
      }
      // New badges are placed already; later moves (scroll, resize, reflow) come with the next frame.
      if (initial.size < shown.length) schedule();
    },
    count: () => placed.size,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      view?.removeEventListener('scroll', schedule, { capture: true });
      view?.removeEventListener('resize', schedule);
      host.remove();
      placed.clear();
    },
  };
}
