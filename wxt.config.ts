import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { WEBMAIL_HOST_PATTERNS } from './lib/permissions/hosts';
import { manifestLocaleFiles } from './lib/i18n';
import { splitWorker } from './scripts/build/worker-chunks';

/**
 * PS_TEST_HOSTS=1 builds the E2E variant: localhost is declared as a host so the content
 * scripts run on the fixture sites without a permission prompt (headless Chromium cannot
 * answer one). Release builds never declare a host at install time.
 */
const testHosts = process.env.PS_TEST_HOSTS === '1';
const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const E2E_PAGES = ['popup.html', 'sidepanel.html', 'options.html'];

/** `webextension-polyfill` resolved to the browser's own namespace (entrypoints/content/native-browser.ts). */
function nativeBrowser(): Plugin {
  const native = resolve(import.meta.dirname, 'entrypoints/content/native-browser.ts');
  return {
    name: 'pipeline-scout:native-browser',
    enforce: 'pre',
    resolveId: (source) => (source === 'webextension-polyfill' ? native : null),
  };
}

/**
 * Content scripts answer the public-suffix and phone questions from the background
 * (lib/contacts/checks-remote.ts): tldts and libphonenumber's metadata stay out of every page.
 * Nor do they get WXT's ContentScriptContext: no script reads `ctx` (entrypoints/content/script-context.ts).
 */
function remoteChecks(): Plugin {
  const remote = resolve(import.meta.dirname, 'lib/contacts/checks-remote.ts');
  const context = resolve(import.meta.dirname, 'entrypoints/content/script-context.ts');
  return {
    name: 'pipeline-scout:remote-checks',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === 'wxt/utils/content-script-context') return context;
      if (!/(^|\/)checks$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id.endsWith('/lib/contacts/checks.ts') ? remote : null;
    },
  };
}

/** The entrypoint types built as extension pages (one multi-page build). */
const HTML_PAGES = new Set([
  'popup',
  'options',
  'sidepanel',
  'unlisted-page',
  'sandbox',
  'bookmarks',
  'history',
  'newtab',
  'devtools',
]);

/** The browsers whose builds get the chunked worker and no webextension-polyfill. */
const CHROMIUM = new Set(['chrome', 'edge', 'opera']);

/** What this run builds, for the hooks that are not handed WXT itself. */
let target: { command: string; browser: string } | undefined;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  outDirTemplate: testHosts ? '{{browser}}-mv{{manifestVersion}}-e2e' : undefined,
  vite: () => ({
    plugins: [preact()],
    // PS_SOURCEMAP=1: source maps for scripts/bundle-sizes.ts (what each bundle holds, per package).
    // PS_PROFILE=1: unminified, with rolldown's per-module region comments, for
    // scripts/bench/worker-start.ts (time spent evaluating each module before the worker's main()).
    build: {
      sourcemap: process.env.PS_SOURCEMAP === '1',
      ...(process.env.PS_PROFILE === '1' ? { minify: false } : {}),
    },
    define: { 'import.meta.env.PS_TEST_HOSTS': JSON.stringify(testHosts ? '1' : '') },
  }),
  hooks: {
    'config:resolved': (wxt) => {
      target = { command: wxt.config.command, browser: wxt.config.browser };
    },
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      const chromium = CHROMIUM.has(target?.browser ?? '');
      const contentScripts = entrypoints.every((e) => e.type === 'content-script');
      const builtWorker =
        chromium &&
        target?.command === 'build' &&
        entrypoints.length === 1 &&
        entrypoints[0]!.type === 'background';
      // Chromium's service worker in chunks compiled on first use (scripts/build/worker-chunks.ts).
      if (builtWorker) splitWorker(viteConfig, import.meta.dirname);
      const plugins: Plugin[] = [];
      // No webextension-polyfill in content scripts, nor in Chromium's built worker and pages: the
      // browsers' own namespaces return promises (entrypoints/content/runtime.ts), and the one
      // listener that answers, the router's, answers through sendResponse (entrypoints/background/index.ts).
      if (contentScripts || builtWorker || (chromium && entrypoints.every((e) => HTML_PAGES.has(e.type))))
        plugins.push(nativeBrowser());
      if (contentScripts) plugins.push(remoteChecks());
      viteConfig.plugins = [...(viteConfig.plugins ?? []), ...plugins];
    },
    // The manifest's strings come from the one i18n table, like every other string.
    'build:publicAssets': (_wxt, files) => {
      files.push(...manifestLocaleFiles());
    },
    // WXT adds the matches of runtime-registered content scripts to host_permissions; they
    // are granted at run time instead (optional_host_permissions), so install asks for none.
    'build:manifestGenerated': (wxt, manifest) => {
      manifest.host_permissions = testHosts ? [...TEST_HOSTS] : [];
      if (!manifest.content_scripts?.length) delete manifest.content_scripts;
      // Firefox's WebDriver BiDi will not navigate a tab to moz-extension://, so the E2E build
      // lets a fixture page open the extension's pages itself. Release builds declare none.
      if (testHosts && wxt.config.browser === 'firefox') {
        manifest.web_accessible_resources = [{ resources: [...E2E_PAGES], matches: [...TEST_HOSTS] }];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      // Firefox shows the same page as sidebar_action, which needs no permission.
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      'notifications',
    ],
    optional_host_permissions: [...WEBMAIL_HOST_PATTERNS, '<all_urls>'],
    content_security_policy: {
      // frame-ancestors: no page can frame the popup, sidebar or options (clickjacking).
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    // No web page and no other extension may connect (Chromium; Firefox has no such key).
    // Chromium 116: sidePanel.open, and promise-returning APIs throughout (the worker and the
    // pages use the browser's own namespace, not webextension-polyfill).
    ...(browser === 'firefox' ? {} : { externally_connectable: { ids: [] }, minimum_chrome_version: '116' }),
    action: { default_title: 'Pipeline Scout' },
    commands: {
      'open-sidebar': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_cmdOpenSidebar__',
      },
      'scan-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdScanPage__',
      },
      'advance-deal': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_cmdAdvanceDeal__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pipeline-scout@pipeline-scout.dev',
              // data_collection_permissions is read from Firefox 140 (the ESR line) and
              // Firefox for Android 142 on; older versions would install without it.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
