import { expect, test } from 'vitest';
import { getThread, recordThreadRead, threadKey } from '@/lib/db';
import { STEPS } from '@/lib/pipeline';
import { DEFAULT_QUESTION_SETS } from '@/lib/templates';
import type { RequestContext } from '../router';
import { setup } from './test-services';

const gmail: RequestContext = { context: 'content', tabId: 2, tabUrl: 'https://mail.google.com/mail/u/0/' };
const page: RequestContext = { context: 'page' };
const Q = DEFAULT_QUESTION_SETS[1]!.questions;
const MON = Date.UTC(2026, 0, 5, 9);
const reply = `Hallo,\n\n1. Mit Excel\n2. Aufträge gehen verloren\n\nViele Grüße\nAnna\n\nAm 05.01.2026 schrieb Sam:\n${Q.map((q, i) => `> ${i + 1}. ${q}`).join('\n')}`;

test('a reply in a thread of a deal in needs assessment: answers offered, accepted one by one, the deal advances', async () => {
  const { h, store } = await setup();
  const wanted = async (messageIds: string[]) =>
    (await h['questionnaire/wanted']({ provider: 'gmail', threadId: '18c2f0a1b2c3d4e5', messageIds }, gmail))
      .messageIds;
  const replyTo = async (messageId: string) =>
    (
      await h['questionnaire/reply'](
        { provider: 'gmail', threadId: '18c2f0a1b2c3d4e5', messageId, text: reply },
        gmail,
      )
    ).offered;
  const contact = {
    name: 'Anna Berg',
    emails: ['anna@acme.io'],
    phones: [],
    profiles: [],
    detectors: ['card'],
  };
  const { contact: saved } = await h['contacts/add']({ contact }, page);
  let { deal } = await h['deals/start']({ contactId: saved.id }, page);
  deal = await h['deals/fact'](
    { dealId: deal.id, expectedVersion: deal.version, fact: { kind: 'fit-confirmed' } },
    page,
  );
  deal = await h['deals/transition'](
    { dealId: deal.id, expectedVersion: deal.version, action: 'advance' },
    page,
  );
  const read = (messages: { id: string; at: number; direction: 'in' | 'out' }[]) =>
    recordThreadRead(
      store,
      {
        provider: 'gmail',
        threadId: '18c2f0a1b2c3d4e5',
        subject: 'Fragen',
        participants: [{ email: 'anna@acme.io' }],
        prospectKeys: ['anna@acme.io'],
        messages,
        mailbox: { account: 0 },
      },
      { timeZone: 'UTC', workingDays: (s) => STEPS[s].followUpWorkingDays },
    );
  await read([{ id: 'm1', at: MON, direction: 'out' }]).catch((e) => {
    console.log('READ1', e.cause);
    throw e;
  });
  deal = (await h['contacts/get']({ id: saved.id }, page)).deals[0]!.deal;
  // Still initiating: no answers wanted from this thread yet.
  await read([{ id: 'm2', at: MON + 1, direction: 'in' }]);
  expect(await wanted(['m2'])).toEqual([]);
  deal = await h['deals/transition'](
    { dealId: deal.id, expectedVersion: deal.version, action: 'advance' },
    page,
  );
  expect(deal.step).toBe('discover');

  expect(await wanted(['m1', 'm2', 'x'])).toEqual(['m2']);
  expect(await replyTo('m2')).toBe(2);
  // Read once: the same message again offers nothing, and is no longer wanted.
  expect(await replyTo('m2')).toBe(0);
  expect(await wanted(['m2'])).toEqual([]);
  // The rep's own message is never read.
  expect(await replyTo('m1')).toBe(0);

  const offered = await h['questionnaire/answers']({ dealId: deal.id }, page);
  expect(offered[0]!.openUrl).toBe('https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e5');
  expect(offered.map((a) => [a.messageId, a.answer])).toEqual([
    ['m2', 'Mit Excel'],
    ['m2', 'Aufträge gehen verloren'],
  ]);
  const stale = deal.version;
  deal = await h['questionnaire/settle'](
    {
      threadId: offered[0]!.threadId,
      key: offered[0]!.key,
      decision: 'accept',
      dealId: deal.id,
      expectedVersion: deal.version,
    },
    page,
  );
  expect(deal.needs.stated).toEqual(['Wie lösen Sie das heute? — Mit Excel']);
  // A view behind the rep's own accept gets a conflict; the second answer stays offered.
  await expect(
    h['questionnaire/settle'](
      {
        threadId: offered[1]!.threadId,
        key: offered[1]!.key,
        decision: 'accept',
        dealId: deal.id,
        expectedVersion: stale,
      },
      page,
    ),
  ).rejects.toMatchObject({ code: 'conflict' });
  await h['questionnaire/settle'](
    {
      threadId: offered[1]!.threadId,
      key: offered[1]!.key,
      decision: 'dismiss',
      dealId: deal.id,
      expectedVersion: deal.version,
    },
    page,
  );
  expect(await h['questionnaire/answers']({ dealId: deal.id }, page)).toEqual([]);
  expect(
    (await getThread(store, threadKey('gmail', '18c2f0a1b2c3d4e5')))!.answers!.map((a) => a.state),
  ).toEqual(['accepted', 'dismissed']);

  // The accepted answer meets "at least one need recorded": the deal advances to scope without an override.
  deal = await h['deals/transition'](
    { dealId: deal.id, expectedVersion: deal.version, action: 'advance' },
    page,
  );
  expect(deal).toMatchObject({ step: 'scope' });
  expect(deal.history.at(-1)?.override).toBeUndefined();
});

test('answers are read only from a webmail tab', async () => {
  const { h } = await setup();
  await expect(
    h['questionnaire/wanted'](
      { provider: 'gmail', threadId: '18c2f0a1b2c3d4e5', messageIds: [] },
      { ...gmail, tabUrl: 'https://x.io' },
    ),
  ).rejects.toThrow(/Gmail and Outlook/);
});
