// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { insertPlainText } from './compose-insert';

const HOSTILE =
  'Hi <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">click</a>\n<script>alert(3)</script>';

function editor(html = '<p>Before|After</p>') {
  document.body.innerHTML = `<div contenteditable="true" aria-label="Message Body" role="textbox">${html}</div>`;
  return document.querySelector('div')!;
}

describe('insertPlainText', () => {
  test('at the caret, as text; markup and script URLs stay inert characters', () => {
    const el = editor();
    const text = el.querySelector('p')!.firstChild!;
    const caret = document.createRange();
    caret.setStart(text, 'Before|'.length);
    caret.collapse(true);
    const inputs: string[] = [];
    el.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    insertPlainText(el, caret, HOSTILE);
    expect(el.querySelectorAll('img, a, script').length).toBe(0);
    expect(el.textContent).toBe(`Before|${HOSTILE.replace('\n', '')}After`);
    expect(el.querySelectorAll('br').length).toBe(1);
    expect(inputs).toEqual(['insertText']);
  });

  test('an editor that handles paste itself gets the text as text/plain and nothing else is inserted', () => {
    const el = editor('');
    const pasted: (string | undefined)[] = [];
    el.addEventListener('paste', (e) => {
      pasted.push((e as ClipboardEvent).clipboardData?.getData('text/plain'));
      e.preventDefault();
    });
    insertPlainText(el, undefined, 'Hello {x}');
    expect(pasted).toEqual(['Hello {x}']);
    expect(el.textContent).toBe('');
  });

  test('without a caret in the editor the text goes at its end', () => {
    const el = editor('<p>Body</p>');
    insertPlainText(el, undefined, 'Tail');
    expect(el.textContent).toBe('BodyTail');
  });
});
