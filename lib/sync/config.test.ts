import { expect, test } from 'vitest';
import {
  checkConfig,
  checkServerUrl,
  mirrorName,
  originPattern,
  remoteDbUrl,
  repName,
  syncErrorCode,
} from './config';

test('https is required, except on this machine', () => {
  expect(checkServerUrl('https://couch.example.com:6984')).toEqual({
    ok: true,
    origin: 'https://couch.example.com:6984',
  });
  expect(checkServerUrl('http://couch.example.com')).toEqual({ ok: false, issue: 'url-insecure' });
  expect(checkServerUrl('http://localhost:5984').ok).toBe(true);
  expect(checkServerUrl('http://127.0.0.1:5984').ok).toBe(true);
  expect(checkServerUrl('ftp://x')).toEqual({ ok: false, issue: 'url-invalid' });
  expect(checkServerUrl('not a url')).toEqual({ ok: false, issue: 'url-invalid' });
  expect(checkServerUrl('https://me:pw@couch.example.com')).toEqual({
    ok: false,
    issue: 'url-has-credentials',
  });
});

test('database URL, permission pattern, mirror name', () => {
  const config = {
    url: 'https://couch.example.com:6984/couch/',
    database: 'team$sales',
    auth: 'password' as const,
    username: 'ann',
  };
  expect(remoteDbUrl(config)).toBe('https://couch.example.com:6984/couch/team%24sales');
  expect(originPattern(config)).toBe('https://couch.example.com/*');
  expect(mirrorName(config)).toMatch(/^pipeline-scout-sync-/);
  expect(mirrorName(config)).not.toBe(mirrorName({ ...config, database: 'other' }));
  expect(checkConfig(config)).toEqual([]);
  expect(checkConfig({ ...config, database: 'Sales', username: '' })).toEqual([
    'database-invalid',
    'user-missing',
  ]);
  expect(repName(config)).toBe('ann');
  expect(repName({ ...config, rep: ' Ann K. ' })).toBe('Ann K.');
});

test('errors in a few words a rep can act on', () => {
  expect(syncErrorCode({ status: 401 })).toBe('unauthorized');
  expect(syncErrorCode({ status: 404 })).toBe('no-database');
  expect(syncErrorCode({ status: 503 })).toBe('server');
  expect(syncErrorCode(new TypeError('Failed to fetch'))).toBe('offline');
  expect(syncErrorCode(Object.assign(new Error('read failed'), { code: 'ECONNRESET' }))).toBe('offline');
  expect(
    syncErrorCode(
      new Error('invalid json response body at http://127.0.0.1/x reason: Unexpected end of JSON input'),
    ),
  ).toBe('offline');
  expect(syncErrorCode(new Error('boom'))).toBe('failed');
});
