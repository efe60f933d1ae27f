import { describe, expect, test, vi } from 'vitest';
import { SENDERS, type MessageType, type RequestOf } from '@/lib/messages';
import { createRouter, type HandlerMap } from './router';
import { startDeal } from '@/lib/pipeline';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}popup.html` };
const content = {
  id: ID,
  url: 'https://example.com/team',
  tab: { id: 7, url: 'https://example.com/team' },
  frameId: 0,
};

const wire = { emails: ['jane@acme.io'], phones: [], profiles: [], detectors: ['card'] };
/** A valid payload of every message type (the type makes this table complete). */
const SAMPLES: { [T in MessageType]: RequestOf<T> } = {
  'page/report': { contacts: [wire] },
  'page/badges': { emails: ['jane@acme.io'] },
  'page/checks': { domains: ['acme.io'], phones: [{ text: '089 2180-4471', region: 'DE' }] },
  'page/open-contact': { key: 'jane@acme.io' },
  'page/activate': {},
  'compose/templates': { recipients: ['jane@acme.io'] },
  'compose/fill': { templateId: 'default.introduction.en', recipients: ['jane@acme.io'] },
  'compose/sent': { templateId: 'default.proposal-cover.en', recipients: ['jane@acme.io'] },
  'templates/get': {},
  'questionnaire/wanted': { provider: 'gmail', threadId: 't1', messageIds: ['m1'] },
  'questionnaire/reply': { provider: 'gmail', threadId: 't1', messageId: 'm1', text: '1. Excel' },
  'questionnaire/answers': { dealId: 'd1' },
  'questionnaire/settle': {
    threadId: 't',
    key: 'm1#0',
    decision: 'accept',
    dealId: 'd1',
    expectedVersion: 1,
  },
  'templates/save': { library: {} },
  'tab/state': { tabId: 1 },
  'tab/scan': { tabId: 1 },
  'focus/get': {},
  'focus/set': { contactId: 'c1' },
  'contacts/search': { query: 'ja' },
  'contacts/get': { id: 'c1' },
  'contacts/add': { contact: wire },
  'contacts/update': { id: 'c1', expectedVersion: 1, patch: { title: 'CEO' } },
  'contacts/confirm-address': { id: 'c1', expectedVersion: 1 },
  'contacts/duplicates': { id: 'c1' },
  'contacts/merge': {
    keepId: 'c1',
    keepVersion: 1,
    otherId: 'c2',
    otherVersion: 2,
    choices: { title: 'other' },
  },
  'contacts/forget-preview': { id: 'c1' },
  'contacts/forget': { id: 'c1', suppress: true },
  'contacts/forget-undo': { token: 't1' },
  'privacy/suppressed-count': {},
  'privacy/unsuppress': { email: 'jana.schubert@acme.de' },
  'contacts/record': { id: 'c1' },
  'deals/edit': { dealId: 'd1', expectedVersion: 1, edit: { title: 'Line 3', value: null } },
  'deals/delete': { dealId: 'd1', expectedVersion: 1 },
  'deals/start': { contactId: 'c1' },
  'deals/transition': { dealId: 'd1', expectedVersion: 1, action: 'advance' },
  'deals/fact': { dealId: 'd1', expectedVersion: 1, fact: { kind: 'paid' } },
  'deals/schedule': { dealId: 'd1', expectedVersion: 1, nextAction: null },
  'deals/restart': { dealId: 'd1', expectedVersion: 1, kind: 'repeat' },
  'threads/of-contact': { contactId: 'c1' },
  'settings/set-follow-up-days': { step: 'propose', days: 4 },
  'threads/link': { threadId: 'gmail:18c2f0a1b2c3d4e5', dealId: null },
  'deals/due': { until: 1 },
  'deals/board': { statuses: ['open'] },
  'deals/metrics': {},
  'activities/add': { contactId: 'c1', kind: 'note', text: 'hi' },
  'settings/get': {},
  'settings/set-locale': { locale: 'de' },
  'settings/save-profile': { profile: {}, activate: true },
  'settings/delete-profile': { id: 'p' },
  'settings/activate-profile': { id: 'p' },
  'data/backup': {},
  'data/restore-plan': { json: '{}' },
  'data/restore': { json: '{}' },
  'data/delete-all': { confirm: 'DELETE' },
  'data/import-csv': { text: 'a', mode: 'valid-rows' },
  'data/export-csv': {},
  'data/export-vcard': {},
  'data/import-vcard': { text: '' },
  'data/upload': { id: 'u1', index: 0, text: 'Email' },
  'data/result': { id: 'r1', offset: 0 },
  'data/upload-drop': { id: 'u1' },
  'jobs/list': {},
  'jobs/cancel': { id: 'j1' },
  'jobs/resume': { id: 'j1' },
  'health/get': {},
  'access/status': {},
  'access/sync': {},
  'sync/status': {},
  'sync/save': { url: 'https://couch.example.com', database: 'team', auth: 'password', username: 'ann' },
  'sync/disable': {},
  'sync/now': {},
  'sync/conflict': { dealId: 'd1' },
  'sync/resolve': {
    dealId: 'd1',
    deal: startDeal({ id: 'd1', contactId: 'c1', title: 'Line', now: 1 }),
  },
};

function setup() {
  const calls: string[] = [];
  const handlers = new Proxy({} as HandlerMap, {
    get: (_t, type: string) =>
      vi.fn(async (_payload: unknown, request: { context: string; tabUrl?: string }) => {
        calls.push(`${type}:${request.context}:${request.tabUrl ?? ''}`);
        return { ok: true };
      }),
  });
  return { router: createRouter(handlers, { extensionId: ID, extensionOrigin: ORIGIN }), calls };
}

describe('message router: every type × every sender context', () => {
  const types = Object.keys(SENDERS) as MessageType[];
  const cases = types.flatMap((type) => [
    [type, 'content', SENDERS[type].includes('content')] as const,
    [type, 'page', SENDERS[type].includes('page')] as const,
  ]);
  test.each(cases)('%s from %s: allowed=%s', async (type, context, allowed) => {
    const { router, calls } = setup();
    const reply = await router.handle({ type, payload: SAMPLES[type] }, context === 'page' ? page : content);
    if (allowed) {
      expect(reply).toEqual({ ok: true, data: { ok: true } });
      expect(calls).toHaveLength(1);
    } else {
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(calls).toHaveLength(0);
      expect(router.stats.rejected.forbidden).toBe(1);
    }
  });

  test('content scripts may only report, ask for badges and checks, fill compose templates and offer questionnaire replies', () => {
    const forContent = types.filter((t) => SENDERS[t].includes('content'));
    expect(forContent.sort()).toEqual([
      'compose/fill',
      'compose/sent',
      'compose/templates',
      'page/activate',
      'page/badges',
      'page/checks',
      'page/open-contact',
      'page/report',
      'questionnaire/reply',
      'questionnaire/wanted',
    ]);
    expect(forContent.every((t) => !SENDERS[t].includes('page'))).toBe(true);
  });
});

describe('forged messages', () => {
  test.each([
    [
      'another extension',
      { type: 'settings/get', payload: {} },
      { ...page, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' },
      'foreign-sender',
    ],
    [
      'no sender id (a web page)',
      { type: 'settings/get', payload: {} },
      { url: 'https://evil.io' },
      'foreign-sender',
    ],
    ['an unknown type', { type: 'db/dump', payload: {} }, page, 'unknown-type'],
    ['a prototype key as type', { type: '__proto__', payload: {} }, page, 'unknown-type'],
    ['extra keys', { type: 'contacts/search', payload: { query: 'a', admin: true } }, page, 'invalid'],
    ['wrong types', { type: 'contacts/search', payload: { query: 42 } }, page, 'invalid'],
    ['a 1 MB string', { type: 'contacts/search', payload: { query: 'x'.repeat(1 << 20) } }, page, 'invalid'],
    [
      '__proto__ in the payload',
      JSON.parse('{"type":"contacts/search","payload":{"query":"a","__proto__":{"polluted":true}}}'),
      page,
      'invalid',
    ],
    ['an envelope with extra keys', { type: 'settings/get', payload: {}, sudo: true }, page, 'invalid'],
    ['not an object', 'settings/get', page, 'invalid'],
    [
      'a content message without a tab',
      { type: 'page/report', payload: { contacts: [] } },
      { id: ID, url: 'https://evil.io' },
      'forbidden',
    ],
    [
      'a page URL in the body',
      { type: 'page/report', payload: { contacts: [], url: 'https://bank.example' } },
      content,
      'invalid',
    ],
    [
      '2,001 contacts',
      { type: 'page/report', payload: { contacts: Array.from({ length: 2001 }, () => wire) } },
      content,
      'invalid',
    ],
  ])('%s is rejected', async (_label, message, sender, code) => {
    const { router, calls } = setup();
    const reply = await router.handle(message, sender);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a detection's page URL comes from the sender's tab", async () => {
    const { router, calls } = setup();
    await router.handle({ type: 'page/report', payload: { contacts: [] } }, content);
    expect(calls).toEqual(['page/report:content:https://example.com/team']);
  });
});
