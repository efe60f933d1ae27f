import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHtml } from '../../cli/parse-html';
import { corpus } from '../../tests/corpora';
import {
  createHealth,
  forgetAround,
  mailContacts,
  mailViewJson,
  providerForUrl,
  readMailView,
} from './index';
import { parseSignature } from '../text/signature';
import type { MessageCache } from './types';

const load = (path: string, url: string) => parseHtml(readFileSync(path, 'utf8'), url);

describe('provider by URL', () => {
  test('real hosts, and localhost fixtures only with testHosts', () => {
    expect(providerForUrl('https://mail.google.com/mail/u/0/#inbox')).toBe('gmail');
    expect(providerForUrl('https://outlook.office365.com/mail/')).toBe('outlook');
    expect(providerForUrl('https://outlook.cloud.microsoft/mail/')).toBe('outlook');
    expect(providerForUrl('http://mail.google.com/')).toBeUndefined();
    expect(providerForUrl('https://mail.google.com.evil.io/')).toBeUndefined();
    expect(providerForUrl('http://127.0.0.1:5000/gmail.html')).toBeUndefined();
    expect(providerForUrl('http://127.0.0.1:5000/gmail.html', { testHosts: true })).toBe('gmail');
  });
});

describe('Gmail', () => {
  test('open thread: messages, sender, to and cc, date, signature, owner; collapsed messages read', () => {
    const view = readMailView(
      load('demo/site/gmail.html', 'https://mail.google.com/mail/u/0/'),
      'https://mail.google.com/mail/u/0/',
    )!;
    const json = mailViewJson(view);
    expect(json).toMatchObject({
      provider: 'gmail',
      subject: 'Conveyor retrofit for line 3',
      threadId: '18c2f0a9d4e1b7c3',
      owner: 'rep@pipeline-scout.dev',
    });
    expect(json.messages).toHaveLength(2);
    expect(json.messages[0]).toMatchObject({ from: { email: 'rep@pipeline-scout.dev' }, collapsed: true });
    expect(json.messages[1]).toMatchObject({
      from: { name: 'Markus Weber', email: 'markus.weber@acme-industrie.de' },
      to: [{ email: 'rep@pipeline-scout.dev' }],
      cc: [{ email: 'jana.schubert@acme-industrie.de', name: 'Jana Schubert' }],
      date: 'Tue, 24 Nov 2026, 14:03',
      signature: {
        name: 'Markus Weber',
        title: 'Head of Procurement',
        company: 'Acme GmbH',
        phones: ['+49301234568'],
        website: 'https://www.acme-industrie.de',
      },
    });
  });

  const inboxsdk = corpus('inboxsdk/__tests__/injected-thread-identifier.html');
  test.runIf(inboxsdk.present)('thread list of a real (old) Gmail inbox page: participants read', () => {
    const doc = load(inboxsdk.path, 'https://mail.google.com/mail/u/0/');
    const view = readMailView(doc, 'https://mail.google.com/mail/u/0/')!;
    expect(view.list.length).toBeGreaterThan(3);
    expect(view.list.every((p) => p.participant.email.includes('@'))).toBe(true);
  });

  test('thread list and compose recipients', () => {
    const view = readMailView(
      load('tests/fixtures/webmail/gmail-compose.html', 'https://mail.google.com/'),
      'https://mail.google.com/',
    )!;
    expect(view.owner).toBe('rep@pipeline-scout.dev');
    expect(view.list.map((l) => l.participant.email)).toEqual([
      'anna@beta.de',
      'rep@pipeline-scout.dev',
      'tom@gamma.io',
    ]);
    expect(view.compose.map((c) => c.participant)).toEqual([
      { email: 'new.lead@delta.com', name: 'New Lead' },
    ]);
  });

  test('split pane after a search: the result rows and the open message, read together', () => {
    const url = 'https://mail.google.com/mail/u/0/#search/acme/FMfcgzQXJ';
    const view = readMailView(load('tests/fixtures/webmail/gmail-split-pane.html', url), url)!;
    expect(view.owner).toBe('rep@pipeline-scout.dev');
    expect(mailViewJson(view)).toMatchObject({
      subject: 'Retrofit line 4: dates',
      threadId: '18c3a1b2c4d5e6f7',
      messages: [
        {
          from: { name: 'Lena Fischer', email: 'lena.fischer@acme-industrie.de' },
          to: [{ email: 'rep@pipeline-scout.dev' }],
          cc: [{ email: 'markus.weber@acme-industrie.de', name: 'Markus Weber' }],
          date: 'Tue, 24 Nov 2026, 09:12',
          signature: {
            title: 'Projektleiterin Instandhaltung',
            company: 'Acme Industrie GmbH',
            phones: ['+491712345678'],
          },
          collapsed: false,
        },
      ],
    });
    // The quoted reply is the rep's own text: none of it is Lena's signature.
    expect(view.messages[0]!.signature!.phones).not.toContain('+49309876543');
    expect(view.list.map((l) => l.participant.email)).toEqual([
      'lena.fischer@acme-industrie.de',
      'markus.weber@acme-industrie.de',
      'rep@pipeline-scout.dev',
      'info@acme-industrie.de',
    ]);
    // The people of the view: the owner never, the role account flagged, Lena once with her signature.
    const people = mailContacts(view);
    expect(people.map((p) => p.emails[0])).toEqual([
      'lena.fischer@acme-industrie.de',
      'markus.weber@acme-industrie.de',
      'info@acme-industrie.de',
    ]);
    expect(people[0]).toMatchObject({
      title: 'Projektleiterin Instandhaltung',
      company: 'Acme Industrie GmbH',
    });
    expect(people[2]!.role).toBe(true);
  });

  test('hostile names stay text; a message without a sender anchor degrades and is counted', () => {
    const health = createHealth();
    const view = readMailView(
      load('tests/fixtures/webmail/gmail-hostile.html', 'https://mail.google.com/'),
      'https://mail.google.com/',
      { health },
    )!;
    expect(view.messages[0]?.from?.name).toBe('<script>alert(1)</script>evE');
    expect(view.messages[1]?.from).toBeUndefined();
    expect(health.sender).toEqual({ found: 1, missing: 1 });
  });

  test('200 recipients', () => {
    const recipients = Array.from(
      { length: 200 },
      (_, i) => `<span class="g2" email="r${i}@corp${i}.com" name="R ${i}">R</span>`,
    ).join(', ');
    const doc = parseHtml(
      `<div class="adn" data-message-id="x"><span class="gD" email="a@b.com" name="A">A</span><span class="hb">to ${recipients}</span></div>`,
    );
    expect(readMailView(doc, 'https://mail.google.com/')!.messages[0]!.to).toHaveLength(200);
  });

  test('a message element holding another match is one message; siblings stay two', () => {
    const msg = (id: string, who: string, inner = '') =>
      `<div class="adn" data-message-id="${id}"><span class="gD" email="${who}@acme.de" name="${who}">${who}</span>${inner}</div>`;
    const doc = parseHtml(
      msg('m1', 'anna', '<div data-legacy-message-id="quoted"></div>') +
        `<div>${msg('m2', 'ben', `<div class="adn" data-message-id="m2-inner"></div>`)}</div>` +
        msg('m3', 'clara'),
    );
    const view = readMailView(doc, 'https://mail.google.com/')!;
    expect(view.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  test('a page with no message, row or compose window is no mail view', () => {
    expect(readMailView(parseHtml('<p>Loading…</p>'), 'https://mail.google.com/')).toBeNull();
    expect(readMailView(parseHtml('<p>x</p>'), 'https://example.com/')).toBeNull();
  });
});

describe('message cache', () => {
  test.each([
    ['gmail', 'demo/site/gmail.html', 'https://mail.google.com/mail/u/0/'],
    ['outlook', 'demo/site/outlook.html', 'https://outlook.office.com/mail/'],
  ] as const)('%s: a re-read reuses parsed messages; a changed message is parsed again', (_, path, url) => {
    const doc = load(path, url);
    const cache: MessageCache = new WeakMap();
    const first = readMailView(doc, url, { cache })!;
    const again = readMailView(doc, url, { cache })!;
    expect(again.messages.length).toBeGreaterThan(0);
    again.messages.forEach((m, i) => expect(m).toBe(first.messages[i]));
    const uncached = readMailView(doc, url)!;
    expect(uncached.messages[0]).not.toBe(first.messages[0]);
    expect(uncached.messages).toEqual(first.messages);
    // A change inside one message: that message is read afresh, the others are reused.
    const last = first.messages.at(-1)!.senderElement!;
    last.setAttribute('name', 'Changed Name');
    const label = last.getAttribute('aria-label');
    if (label) last.setAttribute('aria-label', label.replace(/Markus Weber/, 'Changed Name'));
    last.textContent = 'Changed Name';
    forgetAround(cache, last.firstChild);
    const changed = readMailView(doc, url, { cache })!;
    expect(changed.messages.at(-1)).not.toBe(first.messages.at(-1));
    changed.messages.slice(0, -1).forEach((m, i) => expect(m).toBe(first.messages[i]));
    expect(changed.messages.at(-1)!.from?.name).toBe('Changed Name');
  });
});

describe('Outlook on the web', () => {
  test('English reading pane', () => {
    const view = readMailView(
      load('demo/site/outlook.html', 'https://outlook.office.com/mail/'),
      'https://outlook.office.com/mail/',
    )!;
    expect(mailViewJson(view)).toMatchObject({
      provider: 'outlook',
      subject: 'Conveyor retrofit: scope',
      threadId: 'AAQkADAwATM0MDAAMS0yYTUwLTc1MgAQAJkz',
      owner: 'rep@pipeline-scout.dev',
      messages: [
        {
          from: { name: 'Markus Weber', email: 'markus.weber@acme-industrie.de' },
          to: [{ name: 'Rita Rep', email: 'rep@pipeline-scout.dev' }],
          cc: [{ name: 'Lena Fischer', email: 'lena.fischer@acme-industrie.de' }],
          date: '2026-11-25T10:30:00+01:00',
          signature: {
            name: 'Markus Weber',
            title: 'Head of Procurement',
            company: 'Acme GmbH',
            phones: ['+491701234567'],
          },
        },
      ],
    });
  });

  test('German reading pane, conversation with two messages; quoted text is not the signature', () => {
    const view = readMailView(
      load('tests/fixtures/webmail/outlook-de.html', 'https://outlook.live.com/mail/'),
      'https://outlook.live.com/mail/',
      { region: 'DE' },
    )!;
    expect(view.owner).toBe('rep@pipeline-scout.dev');
    expect(view.messages).toHaveLength(2);
    const [first] = view.messages;
    expect(first?.to.map((p) => p.email)).toEqual([
      'rep@pipeline-scout.dev',
      'markus.weber@acme-industrie.de',
    ]);
    expect(first?.cc).toEqual([{ name: 'Buchhaltung', email: 'buchhaltung@acme-industrie.de' }]);
    expect(first?.signature).toEqual({
      name: 'Jana Schubert',
      title: 'Geschäftsführerin',
      company: 'Acme GmbH',
      phones: ['+49301234567'],
      website: 'https://www.acme-industrie.de',
    });
    expect(view.messages[1]?.collapsed).toBe(true);
  });
});

describe('signatures', () => {
  test('"Title | Company" and phones with labels', () => {
    expect(parseSignature(['Cheers,', 'Ann Lee', 'VP Sales | Northwind Ltd', 'M: +44 7700 900123'])).toEqual({
      name: 'Ann Lee',
      title: 'VP Sales',
      company: 'Northwind Ltd',
      phones: ['+447700900123'],
    });
  });
});
