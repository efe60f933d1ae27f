/**
 * Whether a control is a compose window's Send button, by its accessible name or tooltip, in the
 * interface language: the whole label is the word for "send", optionally with the shortcut hint
 * Gmail and Outlook add ("Send ‪(Ctrl-Enter)‬", "Senden (Strg+Eingabe)", "Send (⌘Enter)").
 * A label that goes on ("Send later", "Später senden", "Schedule send", "Send feedback") is not a
 * send: a scheduled send is not recognised as sent (the time is picked in a separate dialog
 * outside the compose window, and it can still be cancelled), so it is not logged.
 */
const SEND_WORDS =
  'send|senden|envoyer|enviar|invia|verzenden|versturen|skicka|wyślij|odeslat|odoslať|küldés|trimite|lähetä|gönder|отправить|надіслати|изпращане|αποστολή|送信|发送|傳送|보내기|إرسال|שלח';
const SEND = new RegExp(`^(?:${SEND_WORDS})(?:\\s*\\([^()]{1,40}\\))?$`, 'iu');
/** Direction marks Gmail wraps the shortcut in (U+202A … U+202E, U+2066 … U+2069, LRM/RLM). */
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function isSendLabel(label: string | null | undefined): boolean {
  if (!label) return false;
  return SEND.test(label.replace(MARKS, '').replace(/\s+/g, ' ').trim());
}

/** A send control: any of its accessible name, tooltip, title or text says "send". */
export function isSendControl(el: Element): boolean {
  return (
    isSendLabel(el.getAttribute('aria-label')) ||
    isSendLabel(el.getAttribute('data-tooltip')) ||
    isSendLabel(el.getAttribute('title')) ||
    isSendLabel(el.textContent?.slice(0, 100))
  );
}
