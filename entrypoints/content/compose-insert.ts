/**
 * Puts plain text at the caret of a compose editor the way typed or pasted text arrives, so the
 * editor's own input handling (undo, its model of the draft) sees it: `insertText` first, then a
 * paste of `text/plain`, then text nodes and an `input` event. Never HTML: nothing here parses markup.
 */
export function insertPlainText(editor: HTMLElement, caret: Range | undefined, text: string): void {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  editor.focus();
  if (selection) {
    const range = caret && editor.contains(caret.startContainer) ? caret : endOf(editor);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  if (doc.execCommand?.('insertText', false, text)) return;
  const data = typeof DataTransfer === 'function' ? new DataTransfer() : undefined;
  if (data && typeof ClipboardEvent === 'function') {
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    // An editor that handles paste itself cancels the event and inserts the text its own way.
    if (!editor.dispatchEvent(paste)) return;
  }
  insertNodes(editor, selection, text);
}

function endOf(editor: HTMLElement): Range {
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  return range;
}

/** The last resort: text nodes and line breaks at the caret, announced as an input. */
function insertNodes(editor: HTMLElement, selection: Selection | null, text: string) {
  const doc = editor.ownerDocument;
  const range = selection?.rangeCount ? selection.getRangeAt(0) : endOf(editor);
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i) fragment.append(doc.createElement('br'));
    if (line) fragment.append(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last && selection) {
    range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
