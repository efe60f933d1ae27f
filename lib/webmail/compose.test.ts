// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { composeEditorOf, composeRecipients, isComposeEditor } from './compose';

/** Gmail's compose dialog: To chips with `data-hovercard-id` and a nested `span[email]`, the editor div. */
const GMAIL = `
<div role="main"><span class="gD" email="old@thread.io" name="Old">Old</span></div>
<div role="dialog" aria-label="New Message">
  <div class="aoD"><span class="gD" email="rep@seller.io">rep@seller.io</span></div>
  <div class="afV" role="option" data-hovercard-id="jane@acme.io" data-name="Jane Miller">
    <span email="jane@acme.io" name="Jane Miller">Jane Miller</span></div>
  <div class="afV" role="option" data-hovercard-id="Bob@Acme.io"><span>Bob</span></div>
  <input name="subjectbox" aria-label="Subject">
  <div class="Am Al editable" id="g-editor" aria-label="Message Body" g_editable="true" role="textbox"
    aria-multiline="true" contenteditable="true"><p id="g-p">Hi</p>
    <div class="gmail_quote">On Mon, <span email="quoted@else.io">Quoted</span> wrote:</div></div>
</div>`;

/** Outlook on the web: a recipient well of persona buttons, the editor labelled "Message body". */
const OUTLOOK = `
<div role="main">
  <div class="reading"><span title="sender@thread.io">Sender</span></div>
  <div class="compose">
    <div role="textbox" aria-label="To" class="well">
      <div role="button" aria-label="Jane Miller jane@acme.io" class="persona"><span>Jane Miller</span></div>
      <div role="button" class="persona"><span title="max@acme.de">Max Weber</span></div>
    </div>
    <div aria-label="Nachrichtentext" contenteditable="true" role="textbox" id="o-editor"><div><br></div></div>
  </div>
</div>`;

describe('compose windows', () => {
  test('Gmail: the editor by its label; recipients are the To chips, not the quote, not the thread', () => {
    document.body.innerHTML = GMAIL;
    const editor = document.getElementById('g-editor')!;
    expect(isComposeEditor(editor)).toBe(true);
    expect(composeEditorOf(document.getElementById('g-p')!.firstChild)).toBe(editor);
    expect(composeEditorOf(document.querySelector('input'))).toBeUndefined();
    expect(composeRecipients(editor)).toEqual(['rep@seller.io', 'jane@acme.io', 'bob@acme.io']);
  });

  test('Outlook (German interface): the persona buttons of the recipient well', () => {
    document.body.innerHTML = OUTLOOK;
    const editor = document.getElementById('o-editor')!;
    expect(isComposeEditor(editor)).toBe(true);
    expect(composeRecipients(editor)).toEqual(['jane@acme.io', 'max@acme.de']);
  });

  test('a contenteditable that is no message editor is left alone', () => {
    document.body.innerHTML =
      '<div contenteditable="true" aria-label="Comment"></div><div aria-label="Message body"></div>';
    for (const el of document.querySelectorAll('div')) expect(isComposeEditor(el)).toBe(false);
  });
});
