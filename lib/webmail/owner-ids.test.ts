import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../cli/parse-html';
import { gmailMessageId, gmailThreadId } from './gmail-ids';
import { gmailAccounts } from './gmail-owner';
import { outlookOwner } from './outlook-owner';
import { FROM_LABEL, stripLabel } from './outlook-labels';

const el = (html: string) => parseHtml(html).body.firstElementChild!;

describe('Gmail ids', () => {
  test('one hex message id from either attribute', () => {
    expect(gmailMessageId(el('<div data-legacy-message-id="18C02F8E1C6B4117"></div>'))).toBe(
      '18c02f8e1c6b4117',
    );
    expect(gmailMessageId(el('<div data-message-id="#msg-f:1783458823123456791"></div>'))).toBe(
      1783458823123456791n.toString(16),
    );
    expect(gmailMessageId(el('<div data-message-id="#msg-a:r-8841"></div>'))).toBe('msg-a:r-8841');
    expect(gmailMessageId(el('<div></div>'))).toBeUndefined();
  });

  test('thread id: legacy, perm id read to hex, else the thread token of the address', () => {
    expect(gmailThreadId(el('<h2 data-legacy-thread-id="18c02f8e1c6b4115"></h2>'), undefined)).toBe(
      '18c02f8e1c6b4115',
    );
    expect(gmailThreadId(el('<h2 data-thread-perm-id="thread-f:1783458823123456789"></h2>'), undefined)).toBe(
      1783458823123456789n.toString(16),
    );
    expect(
      gmailThreadId(undefined, 'https://mail.google.com/mail/u/1/#label/Kunden/FMfcgzQbgcHKRcqLmNzXwVbJkWTB'),
    ).toBe('FMfcgzQbgcHKRcqLmNzXwVbJkWTB');
    expect(gmailThreadId(undefined, 'https://mail.google.com/mail/u/0/#inbox')).toBeUndefined();
  });
});

describe('owners', () => {
  const doc = (title: string, body = '') => parseHtml(`<title>${title}</title>${body}`);
  test.each([
    ['Inbox (3) - jane@gmail.com - Gmail', ['jane@gmail.com']],
    ['Inbox - rep@acme.io - Acme Corp Mail', ['rep@acme.io']],
    ['Re: Offer - questions from tom@x.fr - rep@acme.io - Acme - Sales Mail', ['rep@acme.io']],
    ['Posteingang - rep@acme.io - Gmail', ['rep@acme.io']],
    ['Gmail', []],
  ])('Gmail title %s', (title, expected) => expect(gmailAccounts(doc(title))).toEqual(expected));

  test('a delegated mailbox: the delegator from the title, the delegate from the account button', () => {
    const page = doc(
      'Inbox - boss@acme.io - Acme Mail',
      '<header><a href="https://accounts.google.com/x" aria-label="Google-Konto: Rita Rep (rep@acme.io)"></a></header>',
    );
    expect(gmailAccounts(page)).toEqual(['boss@acme.io', 'rep@acme.io']);
  });

  test.each([
    ['Mail - Rita Rep - Outlook', 'Account manager for Rita Rep', { name: 'Rita Rep' }],
    [
      'E-Mail – Rita Rep – Outlook',
      'Konto-Manager für Rita Rep (rep@acme.io)',
      { email: 'rep@acme.io', name: 'Rita Rep' },
    ],
    [
      'Courrier – rep@acme.io – Outlook',
      'Gestionnaire de comptes pour Rita Rep',
      { email: 'rep@acme.io', name: 'Rita Rep' },
    ],
  ])('Outlook %s', (title, label, expected) => {
    expect(outlookOwner(doc(title, `<button aria-label="${label}"></button>`))).toEqual(expected);
  });
});

test('Outlook field labels in many languages never stay in a name', () => {
  for (const text of [
    'An: Rita Rep',
    'À : Rita Rep',
    'À\u00a0: Rita Rep',
    'Para: Rita Rep',
    'Aan: Rita Rep',
    'Til: Rita Rep',
    'Cc: Rita Rep',
    'Kopie: Rita Rep',
  ])
    expect(stripLabel(text)).toBe('Rita Rep');
  expect('Från: Jana <j@x.se>'.replace(FROM_LABEL, '')).toBe('Jana <j@x.se>');
  expect(stripLabel('Anna Berg')).toBe('Anna Berg');
  expect(stripLabel('Dana Cole')).toBe('Dana Cole');
});

describe('messages that load later, and the owner shown as "me"', () => {
  test('a message appended to the thread is read on the next pass; the rep labelled "me" is no prospect', async () => {
    const { gmailPage } = await import('../../tests/fixtures/webmail/conformance/gmail-page');
    const { readMailView, mailContacts } = await import('./index');
    const html = gmailPage({
      title: 'Offer - Gmail',
      subject: 'Offer',
      threadId: 1783458823123456789n,
      messages: [
        {
          state: 'expanded',
          from: { name: 'Ana Costa', email: 'ana@costa.pt' },
          to: [{ name: 'Rita Rep', email: 'rita.private@gmail.com', shown: 'me' }],
          id: 1783458823123456790n,
          body: ['Olá,', 'ok.'],
        },
      ],
    });
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgcHKRcqLmNzXwVbJkWTB';
    const doc = parseHtml(html, url);
    const cache = new WeakMap();
    const first = readMailView(doc, url, { cache })!;
    expect(first.owner).toBeUndefined();
    expect(mailContacts(first).map((c) => c.emails[0])).toEqual(['ana@costa.pt']);
    const later = gmailPage({
      title: 'x',
      messages: [
        { state: 'collapsed', from: { name: 'Rui Lopes', email: 'rui@costa.pt' }, id: 1783458823123456791n },
      ],
    });
    const item = /<div role="list">(.*)<\/div><\/div><\/div><\/div><\/body>/.exec(later)![1]!;
    doc.querySelector('[role="list"]')!.insertAdjacentHTML('beforeend', item);
    const again = readMailView(doc, url, { cache })!;
    expect(again.messages.map((m) => [m.from?.email, m.collapsed])).toEqual([
      ['ana@costa.pt', false],
      ['rui@costa.pt', true],
    ]);
    expect(again.messages[0]).toBe(first.messages[0]);
  });
});
