import { OWN_ELEMENT_ATTRIBUTE } from '@/lib/detect/dom';
import { inPageText } from '@/lib/i18n/in-page';
import type { Locale } from '@/lib/pipeline/steps';
import type { Send } from '@/lib/messages/client';
import { composeEditorOf, composeRecipients } from '@/lib/webmail/compose';
import { insertPlainText } from './compose-insert';
import { listEntries } from './compose-list';
import { watchSends } from './compose-sent';

const STYLE = `
:host { all: initial; }
.box { position: fixed; pointer-events: auto; font: 13px/18px system-ui, -apple-system, "Segoe UI", sans-serif; }
button { font: inherit; cursor: pointer; border: 1px solid rgba(0,0,0,.2); border-radius: 6px; background: #fff; color: #1f2328; }
.open { padding: 2px 8px; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
ul { list-style: none; margin: 4px 0 0; padding: 4px; background: #fff; border: 1px solid rgba(0,0,0,.2);
  border-radius: 8px; box-shadow: 0 4px 12px rgba(0,0,0,.2); max-height: 320px; overflow: auto; min-width: 240px; }
li button { display: block; width: 100%; text-align: start; border: 0; padding: 4px 8px; white-space: nowrap; }
li button:focus, li button:hover { background: #ddf4ff; outline: none; }
.note { color: #59636e; padding: 2px 8px; }
.group { color: #59636e; padding: 6px 8px 2px; font-size: 11px; font-weight: 600; text-transform: uppercase; }
@media (prefers-color-scheme: dark) { button, ul { background: #22272e; color: #e6edf3; } .note, .group { color: #9198a1; } }`;

/** Alt+Shift+T in a compose editor opens the list. */
const isShortcut = (e: KeyboardEvent) =>
  e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyT';

/**
 * The compose button: in a closed shadow root beside the focused Gmail or Outlook message editor.
 * It lists the templates the background picks for the recipients' deal, and inserts the one chosen,
 * filled by the background, at the caret as plain text. Everything shown is text.
 */
export function runCompose(doc: Document, send: Send, locale: Locale) {
  const host = doc.createElement(`ps-${crypto.randomUUID().slice(0, 8)}`);
  host.setAttribute(OWN_ELEMENT_ATTRIBUTE, '');
  host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646;pointer-events:none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  const open = doc.createElement('button');
  open.type = 'button';
  open.className = 'open';
  open.textContent = inPageText(locale, 'composeButton');
  open.title = inPageText(locale, 'composeList');
  open.setAttribute('aria-haspopup', 'menu');
  const list = doc.createElement('ul');
  list.setAttribute('role', 'menu');
  list.setAttribute('aria-label', inPageText(locale, 'composeList'));
  list.hidden = true;
  box.append(open, list);
  shadow.append(style, box);
  // Keys and clicks inside the list are ours, not the page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'click'])
    host.addEventListener(type, (e) => e.stopPropagation());

  const sends = watchSends(doc, send);
  let editor: HTMLElement | undefined;
  let caret: Range | undefined;
  let generation = 0;

  const place = () => {
    if (!editor?.isConnected) return hide();
    const rect = editor.getBoundingClientRect();
    box.style.left = `${Math.max(0, Math.round(rect.right - 110))}px`;
    box.style.top = `${Math.max(0, Math.round(rect.top + 4))}px`;
    if (!host.isConnected) doc.documentElement.append(host);
    box.hidden = false;
  };
  // Scrolls and resizes come many to a frame: one layout read per frame places the button.
  let frame = 0;
  const placeSoon = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };
  const hide = () => {
    list.hidden = true;
    box.hidden = true;
  };
  const close = (refocus: boolean) => {
    list.hidden = true;
    list.replaceChildren();
    open.setAttribute('aria-expanded', 'false');
    if (refocus && editor) insertPlainTextFocus(editor, caret);
  };

  const item = (text: string, onPick?: () => void) => {
    const li = doc.createElement('li');
    if (!onPick) {
      li.className = 'note';
      li.textContent = text;
      return li;
    }
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('role', 'menuitem');
    button.textContent = text;
    button.addEventListener('click', (e) => {
      if (e.isTrusted) onPick();
    });
    li.append(button);
    return li;
  };

  const heading = (text: string) => {
    const li = item(text);
    li.className = 'group';
    li.setAttribute('role', 'presentation');
    return li;
  };

  const pick = async (target: HTMLElement, templateId: string) => {
    const recipients = composeRecipients(target);
    const saved = caret;
    close(false);
    try {
      const { text } = await send('compose/fill', { templateId, recipients });
      if (!target.isConnected) return;
      insertPlainText(target, saved, text);
      sends.track(target, templateId);
    } catch {
      // the background restarting: the rep can pick again
    }
  };

  const showList = async () => {
    const target = editor;
    if (!target) return;
    const mine = ++generation;
    open.setAttribute('aria-expanded', 'true');
    list.replaceChildren();
    list.hidden = false;
    try {
      const view = await send('compose/templates', { recipients: composeRecipients(target) });
      if (mine !== generation) return;
      if (!view.dealId) list.append(item(inPageText(locale, 'composeNoDeal')));
      for (const entry of listEntries(view, locale))
        list.append(
          'heading' in entry ? heading(entry.heading) : item(entry.name, () => void pick(target, entry.id)),
        );
    } catch {
      if (mine === generation) list.append(item(inPageText(locale, 'composeFailed')));
    }
    list.querySelector<HTMLButtonElement>('button')?.focus();
  };

  open.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    if (list.hidden) void showList();
    else close(true);
  });
  list.addEventListener('keydown', (e) => {
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(shadow.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') close(true);
    else if (e.key === 'ArrowDown') buttons[(at + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons[(at - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    e.preventDefault();
  });

  const onFocus = (e: Event) => {
    const found = composeEditorOf(e.target as Node);
    if (!found) return;
    if (found !== editor) close(false);
    editor = found;
    place();
  };
  const onSelection = () => {
    const selection = doc.getSelection();
    if (editor && selection?.rangeCount && editor.contains(selection.anchorNode))
      caret = selection.getRangeAt(0).cloneRange();
  };
  const onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || !isShortcut(e)) return;
    const found = composeEditorOf(e.target as Node);
    if (!found) return;
    e.preventDefault();
    e.stopPropagation();
    editor = found;
    onSelection();
    place();
    void showList();
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('selectionchange', onSelection);
  doc.addEventListener('keydown', onKey, true);
  const view = doc.defaultView;
  view?.addEventListener('resize', placeSoon, { passive: true });
  view?.addEventListener('scroll', placeSoon, { passive: true, capture: true });

  return {
    stop() {
      sends.stop();
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('selectionchange', onSelection);
      doc.removeEventListener('keydown', onKey, true);
      view?.removeEventListener('resize', placeSoon);
      view?.removeEventListener('scroll', placeSoon, { capture: true });
      cancelAnimationFrame(frame);
      host.remove();
    },
  };
}

/** Back to the editor where the caret was, without inserting anything. */
function insertPlainTextFocus(editor: HTMLElement, caret: Range | undefined) {
  editor.focus();
  const selection = editor.ownerDocument.getSelection();
  if (selection && caret && editor.contains(caret.startContainer)) {
    selection.removeAllRanges();
    selection.addRange(caret);
  }
}
