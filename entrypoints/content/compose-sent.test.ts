// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { Send } from '@/lib/messages/client';
import { watchSends } from './compose-sent';

/**
 * Outlook on the web's compose form (recipient well, editor, the Send split button with its menu)
 * and, at the end of the body as Fluent UI puts its layers, the scheduled-send dialog.
 */
const LABELS = {
  en: {
    send: 'Send',
    title: 'Send (Ctrl+Enter)',
    more: 'More send options',
    later: 'Send later',
    plan: 'Schedule send',
  },
  de: {
    send: 'Senden',
    title: 'Senden (Strg+Eingabe)',
    more: 'Weitere Sendeoptionen',
    later: 'Später senden',
    plan: 'Senden planen',
  },
};
const page = (l: (typeof LABELS)['en']) => `
<div role="main">
  <div class="compose">
    <div role="textbox" aria-label="To"><div role="button" aria-label="Jonas Keller jonas@keller.de"></div></div>
    <div id="editor" aria-label="Message body" contenteditable="true" role="textbox"><div>Hi</div></div>
    <button id="send" class="fui-SplitButton__primaryActionButton" aria-label="${l.send}" title="${l.title}"><span id="send-text">${l.send}</span></button>
    <button id="more" aria-label="${l.more}" aria-haspopup="menu"></button>
  </div>
</div>
<div class="fui-Portal">
  <div role="menu"><button id="later" role="menuitem"><span>${l.later}</span></button></div>
  <div role="dialog" aria-label="${l.plan}"><button id="dialog-send">${l.send}</button></div>
</div>`;

/** A click or key as the user's (the watcher ignores synthetic events). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const click = (id: string) =>
  document.getElementById(id)!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));

function setup(l: (typeof LABELS)['en']) {
  document.body.innerHTML = page(l);
  const sent: unknown[] = [];
  const send = (async (type: string, payload: unknown) => {
    sent.push([type, payload]);
    return { logged: true };
  }) as unknown as Send;
  const watch = watchSends(document, send);
  watch.track(document.getElementById('editor')!, 'default.questionnaire.de');
  return { sent, watch };
}
const REPORT = ['compose/sent', { templateId: 'default.questionnaire.de', recipients: ['jonas@keller.de'] }];

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe.each(Object.entries(LABELS))('sent is logged (%s)', (_, labels) => {
  test('a click inside the localized Send button reports the inserted template once', () => {
    const { sent, watch } = setup(labels);
    stop = watch.stop;
    click('send-text');
    click('send');
    expect(sent).toEqual([REPORT]);
  });

  test('scheduled send is not logged: the menu item, nor the Send of the dialog outside the compose window', () => {
    const { sent, watch } = setup(labels);
    stop = watch.stop;
    click('more');
    click('later');
    click('dialog-send');
    expect(sent).toEqual([]);
    // an untrusted click on Send (a page script) does not count either
    document.getElementById('send')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(sent).toEqual([]);
  });

  test('Ctrl+Enter or Cmd+Enter in the editor sends; plain Enter does not', () => {
    const { sent, watch } = setup(labels);
    stop = watch.stop;
    const editor = document.getElementById('editor')!;
    editor.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(sent).toEqual([]);
    editor.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true })),
    );
    expect(sent).toEqual([REPORT]);
  });
});
