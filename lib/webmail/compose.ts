/**
 * Compose windows of Gmail and Outlook on the web, read without the rest of the mail adapters
 * (the content script stays small). Both mark the message editor for assistive technology:
 * Gmail a `div[contenteditable][role=textbox]` labelled "Message Body", Outlook a
 * `div[contenteditable]` labelled "Message body" — in the interface language.
 */
const BODY_LABEL =
  /^(?:message body|nachrichtentext|textkörper der nachricht|corps du message|cuerpo del mensaje|corpo do e-mail|corpo del messaggio|berichttekst|meddelandetext|treść wiadomości)\b/i;

/** An address in an attribute or a chip's text: the background normalises and checks it again. */
const ADDRESS = /[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+/g;
const ADDRESS_ATTRIBUTES = ['email', 'data-hovercard-id', 'title', 'aria-label', 'data-email'] as const;
export const MAX_RECIPIENTS = 50;

/** Whether an element is a compose window's message editor. */
export function isComposeEditor(el: Element | null | undefined): el is HTMLElement {
  if (!el || el.getAttribute('contenteditable') !== 'true') return false;
  return BODY_LABEL.test(el.getAttribute('aria-label') ?? '');
}

/** The editor an event target is in (the caret's element may be a paragraph inside it). */
export function composeEditorOf(node: Node | null | undefined): HTMLElement | undefined {
  let el: Element | null = node instanceof Element ? node : (node?.parentElement ?? null);
  for (let depth = 0; el && depth < 40; depth++, el = el.parentElement) if (isComposeEditor(el)) return el;
  return undefined;
}

function addressesIn(root: Element, editor: Element, out: string[]) {
  for (const el of root.querySelectorAll(ADDRESS_ATTRIBUTES.map((a) => `[${a}*="@"]`).join(','))) {
    if (editor.contains(el)) continue;
    for (const attribute of ADDRESS_ATTRIBUTES)
      for (const m of el.getAttribute(attribute)?.match(ADDRESS) ?? []) out.push(m);
  }
}

/**
 * The compose window of an editor: the nearest ancestor that also holds the recipients (Gmail's To
 * chips carry `email`/`data-hovercard-id`; Outlook's recipient well has persona buttons labelled
 * with the address), else the dialog around it.
 */
export function composeWindowOf(editor: Element): Element {
  let el = editor.parentElement;
  for (let depth = 0; el && depth < 15; depth++, el = el.parentElement) {
    const found: string[] = [];
    addressesIn(el, editor, found);
    if (found.length) return el;
    if (el.getAttribute('role') === 'dialog') return el;
  }
  return editor.closest('[role="dialog"]') ?? editor.parentElement ?? editor;
}

/** The recipients of the editor's compose window, in the order they appear, lower-cased, unique. */
export function composeRecipients(editor: Element): string[] {
  const found: string[] = [];
  addressesIn(composeWindowOf(editor), editor, found);
  return [...new Set(found.map((a) => a.toLowerCase()))].slice(0, MAX_RECIPIENTS);
}
