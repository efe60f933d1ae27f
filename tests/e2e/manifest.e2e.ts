import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { WEBMAIL_HOST_PATTERNS } from '../../lib/permissions/hosts';

const read = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

describe('manifests: least privilege', () => {
  test.each(['chrome-mv3', 'firefox-mv3'])('%s release build asks for no host at install', (dir) => {
    expect(existsSync(`.output/${dir}/manifest.json`)).toBe(true);
    const m = read(dir);
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.content_scripts ?? []).toEqual([]);
    expect([...(m.optional_host_permissions ?? m.optional_permissions ?? [])].sort()).toEqual(
      [...WEBMAIL_HOST_PATTERNS, '<all_urls>'].sort(),
    );
    expect(m.permissions.sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'contextMenus',
        'notifications',
        'scripting',
        'storage',
        'unlimitedStorage',
        ...(dir.startsWith('chrome') ? ['sidePanel'] : []),
      ].sort(),
    );
    if (dir.startsWith('chrome')) expect(m.externally_connectable).toEqual({ ids: [] });
    if (dir.startsWith('chrome')) expect(m.minimum_chrome_version).toBe('116');
    else expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.content_security_policy.extension_pages).toBe(
      "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  test('Firefox: gecko id, nothing collected, sidebar from the side panel entrypoint', () => {
    const m = read('firefox-mv3');
    expect(m.browser_specific_settings.gecko).toMatchObject({
      id: 'pipeline-scout@pipeline-scout.dev',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(m.sidebar_action.default_panel).toMatch(/sidepanel\.html$/);
  });

  test('Chrome: side panel, commands', () => {
    const m = read('chrome-mv3');
    expect(m.side_panel.default_path).toBe('sidepanel.html');
    expect(Object.keys(m.commands).sort()).toEqual(['advance-deal', 'open-sidebar', 'scan-page']);
  });
});

test('name, description and commands are translated (en, de)', () => {
  const m = read('chrome-mv3');
  expect(m.default_locale).toBe('en');
  for (const locale of ['en', 'de']) {
    const messages = JSON.parse(readFileSync(`.output/chrome-mv3/_locales/${locale}/messages.json`, 'utf8'));
    const used = JSON.stringify(m)
      .match(/__MSG_(\w+)__/g)!
      .map((k) => k.slice(6, -2));
    for (const key of used) expect(messages[key]?.message, `${locale}:${key}`).toBeTruthy();
  }
});

// Firefox's BiDi cannot navigate to moz-extension://: its E2E build lets the test pages open
// the three pages, and only those pages to only the test hosts (release: none, checked above).
test.runIf(existsSync('.output/firefox-mv3-e2e/manifest.json'))(
  'Firefox E2E build: extension pages reachable from the test hosts only',
  () => {
    const m = read('firefox-mv3-e2e');
    expect(m.web_accessible_resources).toEqual([
      {
        resources: ['popup.html', 'sidepanel.html', 'options.html'],
        matches: ['http://127.0.0.1/*', 'http://localhost/*'],
      },
    ]);
    expect(m.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  },
);
