import { describe, expect, test } from 'vitest';
import { plan, registrationKey, scannerFor } from './site-access';
import { WEBMAIL_HOST_PATTERNS } from '@/lib/permissions/hosts';

describe('site access', () => {
  test('granted webmail hosts get the scanner registration, every other grant the probe one', () => {
    const gmail = WEBMAIL_HOST_PATTERNS[0]!;
    expect(plan([gmail, 'https://acme.de/*', '<all_urls>'])).toEqual({
      webmail: [gmail],
      sites: ['https://acme.de/*', '<all_urls>'],
    });
    expect(plan([])).toEqual({ webmail: [], sites: [] });
  });

  test('Gmail and Outlook get the webmail scanner, every other page (or one without an address) the page scanner', () => {
    expect(scannerFor('https://mail.google.com/mail/u/0/#inbox')).toBe('webmail');
    expect(scannerFor('https://outlook.office.com/mail/inbox')).toBe('webmail');
    expect(scannerFor('https://outlook.live.com/mail/0/')).toBe('webmail');
    expect(scannerFor('https://acme.de/team')).toBe('scanner');
    expect(scannerFor('http://mail.google.com/')).toBe('scanner');
    expect(scannerFor(undefined)).toBe('scanner');
  });

  test('registrations compare equal when only their order or a leading slash differs', () => {
    const a = [
      {
        id: 'pipeline-scout-sites',
        js: ['content-scripts/probe.js'],
        matches: ['https://b.de/*', 'https://a.de/*'],
      },
      {
        id: 'pipeline-scout-webmail',
        js: ['content-scripts/content.js'],
        matches: ['https://mail.google.com/*'],
      },
    ];
    const b = [
      {
        id: 'pipeline-scout-webmail',
        js: ['/content-scripts/content.js'],
        matches: ['https://mail.google.com/*'],
      },
      {
        id: 'pipeline-scout-sites',
        js: ['content-scripts/probe.js'],
        matches: ['https://a.de/*', 'https://b.de/*'],
      },
    ];
    expect(registrationKey(a)).toBe(registrationKey(b));
    expect(registrationKey(a)).not.toBe(registrationKey(a.slice(0, 1)));
    expect(registrationKey([{ ...a[0]!, excludeMatches: ['https://mail.google.com/*'] }])).not.toBe(
      registrationKey(a.slice(0, 1)),
    );
    expect(registrationKey([])).toBe(registrationKey([]));
  });
});
