import { describe, expect, test } from 'vitest';
import { plan, registrationKey } from './site-access';
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
