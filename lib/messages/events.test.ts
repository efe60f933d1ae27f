import { expect, test } from 'vitest';
import { parseAppEvent, parseContentCommand } from './events';

test('app events are validated on arrival', () => {
  expect(parseAppEvent({ kind: 'changed' })).toEqual({ kind: 'changed' });
  expect(parseAppEvent({ kind: 'tab', tabId: 4 })).toEqual({ kind: 'tab', tabId: 4 });
  expect(parseAppEvent({ kind: 'focus' })).toEqual({ kind: 'focus' });
  expect(parseAppEvent({ kind: 'tab' })).toBeUndefined();
  expect(parseAppEvent({ kind: 'changed', extra: 1 })).toBeUndefined();
  expect(parseAppEvent({ kind: 'drop-tables' })).toBeUndefined();
  expect(parseAppEvent('changed')).toBeUndefined();
});

test('content commands are validated on arrival', () => {
  expect(parseContentCommand({ type: 'badges/refresh' })).toEqual({ type: 'badges/refresh' });
  expect(parseContentCommand({ type: 'badges/refresh', html: '<b>' })).toBeUndefined();
  expect(parseContentCommand({ type: 'other' })).toBeUndefined();
});
