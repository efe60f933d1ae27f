// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { isSendControl, isSendLabel } from './send-label';

/** Send buttons as Gmail and Outlook on the web label them (aria-label, data-tooltip, title). */
const SEND_LABELS = [
  // Gmail: the shortcut inside LEFT-TO-RIGHT EMBEDDING … POP DIRECTIONAL FORMATTING
  'Send \u202a(Ctrl-Enter)\u202c',
  'Send \u202a(⌘Enter)\u202c',
  'Senden \u202a(Strg-Eingabetaste)\u202c',
  'Envoyer \u202a(Ctrl-Entrée)\u202c',
  'Enviar \u202a(Ctrl-Intro)\u202c',
  'Verzenden \u202a(Ctrl-Enter)\u202c',
  'Invia \u202a(Ctrl-Invio)\u202c',
  'Wyślij \u202a(Ctrl-Enter)\u202c',
  'Skicka \u202a(Ctrl-Enter)\u202c',
  '送信 \u202a(Ctrl-Enter)\u202c',
  // Outlook on the web: aria-label and title
  'Send',
  'Send (Ctrl+Enter)',
  'Senden',
  'Senden (Strg+Eingabe)',
  'Envoyer',
  'Enviar',
  'Verzenden',
  'Invia',
  'Odeslat',
  'Lähetä',
  '  Send  ',
];

/** Controls near Send that do not send now: scheduled send, the split button's menu, other "send …". */
const NOT_SEND_LABELS = [
  'Send later',
  'Später senden',
  'Envoyer plus tard',
  'Enviar más tarde',
  'Later verzenden',
  'Invia più tardi',
  'Schedule send',
  'Senden planen',
  'Planifier l’envoi',
  'Programar envío',
  'More send options',
  'Weitere Sendeoptionen',
  'Send feedback',
  'Send to OneNote',
  'Sending…',
  'Sender',
  'Sendung',
  'Resend',
  'Discard',
  'Send (Ctrl+Enter) and archive (Alt+S) and more',
  '',
];

describe('send labels', () => {
  test.each(SEND_LABELS)('%j sends', (label) => expect(isSendLabel(label)).toBe(true));
  test.each(NOT_SEND_LABELS)('%j does not send', (label) => expect(isSendLabel(label)).toBe(false));

  test('a control by any of its names: Gmail’s div with aria-label and data-tooltip, Outlook’s button, a menu item', () => {
    document.body.innerHTML = `
      <div id="g" role="button" data-tooltip="Senden \u202a(Strg-Eingabetaste)\u202c" aria-label="Senden \u202a(Strg-Eingabetaste)\u202c">Senden</div>
      <button id="o" class="fui-SplitButton__primaryActionButton" title="Send (Ctrl+Enter)"><span>Send</span></button>
      <button id="later" role="menuitem"><span>Send later</span></button>
      <button id="plain">Invia</button>`;
    const el = (id: string) => document.getElementById(id)!;
    expect(isSendControl(el('g'))).toBe(true);
    expect(isSendControl(el('o'))).toBe(true);
    expect(isSendControl(el('plain'))).toBe(true);
    expect(isSendControl(el('later'))).toBe(false);
  });
});
