import { expect, test } from 'vitest';
import { startDeal } from '../pipeline';
import { canonical } from '../io/canonical';
import { docId, fromDoc, parseDocId, sameRecord, toDoc } from './docs';

const deal = { ...startDeal({ id: 'd1', contactId: 'c1', title: 'Line 1', now: 5 }), dueAt: 99 };

test('ids map both ways; foreign documents are not ours', () => {
  expect(docId('deal', 'a:b')).toBe('deal:a:b');
  expect(parseDocId('deal:a:b')).toEqual({ kind: 'deal', id: 'a:b' });
  expect(parseDocId('_design/x')).toBeUndefined();
  expect(parseDocId('invoice:1')).toBeUndefined();
  expect(parseDocId('deal:')).toBeUndefined();
});

test('a record goes out without derived fields and comes back whole, with its version', () => {
  const doc = toDoc({ kind: 'deal', id: 'd1', record: deal });
  expect(doc._id).toBe('deal:d1');
  expect(doc.record).not.toHaveProperty('dueAt');
  expect(doc.record.version).toBe(1);
  const back = fromDoc(JSON.parse(JSON.stringify(doc)));
  expect(back).toMatchObject({ ok: true, deleted: false, replica: { kind: 'deal', id: 'd1' } });
  expect(sameRecord('deal', deal, JSON.parse(JSON.stringify(doc.record)))).toBe(true);
  expect(sameRecord('deal', { ...deal, title: 'Line 2' }, doc.record)).toBe(false);
});

test('deletions and malformed documents', () => {
  expect(fromDoc({ _id: 'contact:c1', _deleted: true })).toEqual({
    ok: true,
    deleted: true,
    kind: 'contact',
    id: 'c1',
  });
  const bad = fromDoc({ _id: 'deal:d1', kind: 'deal', record: { ...deal, step: 'teleport' } });
  expect(bad).toMatchObject({ ok: false, docId: 'deal:d1' });
  const wrongId = fromDoc({ ...toDoc({ kind: 'deal', id: 'd1', record: deal }), _id: 'deal:d2' });
  expect(wrongId).toMatchObject({ ok: false, reason: expect.stringContaining('id') });
});

test('canonical text ignores key order and undefined values', () => {
  expect(canonical({ b: 1, a: { d: undefined, c: [2, { y: 1, x: 2 }] } })).toBe(
    canonical({ a: { c: [2, { x: 2, y: 1 }] }, b: 1 }),
  );
});

test('a linked thread travels whole but for the pending mark; a malformed one is refused', () => {
  const thread = {
    id: 'gmail:t1',
    provider: 'gmail' as const,
    threadId: 't1',
    mailbox: { account: 0 },
    subject: 'Conveyors',
    participants: [{ email: 'jane@acme.io' }],
    prospectKeys: ['jane@acme.io'],
    contactId: 'c1',
    dealId: 'd1',
    messages: [{ id: 'm1', at: 5, direction: 'out' as const }],
    followUp: { state: 'waiting-on-them' as const, since: 5, dueAt: 9 },
    followUpDueAt: 9,
    pendingAt: 3,
    createdAt: 5,
    updatedAt: 5,
    version: 1,
  };
  const doc = toDoc({ kind: 'thread', id: thread.id, record: thread });
  expect(doc._id).toBe('thread:gmail:t1');
  expect(doc.record).not.toHaveProperty('pendingAt');
  const { pendingAt: _p, ...rest } = thread;
  expect(fromDoc(JSON.parse(JSON.stringify(doc)))).toEqual({
    ok: true,
    deleted: false,
    replica: { kind: 'thread', id: 'gmail:t1', record: rest },
  });
  const body = { ...doc.record, messages: [{ id: 'm1', at: 5, direction: 'sideways' }] };
  expect(fromDoc({ ...doc, record: body })).toMatchObject({
    ok: false,
    reason: expect.stringContaining('messages'),
  });
});
