// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import type { Send } from '@/lib/messages/client';
import type { MailMessage, MailView } from '@/lib/webmail';
import { createAnswerReader } from './answers';

const body = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
};
const message = (id: string, from: string, html: string, collapsed = false): MailMessage => ({
  id,
  from: { email: from },
  to: [],
  cc: [],
  recipientElements: [],
  collapsed,
  bodyElement: body(html),
});

test('only the open messages the background wants (its incoming ones) are sent, as quoted text, once', async () => {
  const calls: { type: string; payload: unknown }[] = [];
  const send = (async (type: string, payload: { messageIds?: string[] }) => {
    calls.push({ type, payload });
    // The background knows m1 is the rep's own and m3 is not wanted.
    return type === 'questionnaire/wanted'
      ? { messageIds: payload.messageIds!.filter((m) => m === 'm2') }
      : { offered: 1 };
  }) as unknown as Send;
  const view: MailView = {
    provider: 'gmail',
    threadId: 't1',
    owner: 'rep@seller.io',
    messages: [
      message('m1', 'rep@seller.io', '<p>my questions</p>'),
      message('m2', 'anna@acme.io', '<p>1. Excel</p><blockquote><p>1. How?</p></blockquote>'),
      message('m3', 'anna@acme.io', '<p>other</p>'),
      message('m4', 'anna@acme.io', '', true),
    ],
    list: [],
    compose: [],
  };
  const read = createAnswerReader(send, 'gmail');
  await read(view);
  await read(view);
  expect(calls.filter((c) => c.type === 'questionnaire/wanted').map((c) => c.payload)).toEqual([
    { provider: 'gmail', threadId: 't1', messageIds: ['m1', 'm2', 'm3'] },
    { provider: 'gmail', threadId: 't1', messageIds: ['m1', 'm3'] },
  ]);
  expect(calls.filter((c) => c.type === 'questionnaire/reply').map((c) => c.payload)).toEqual([
    { provider: 'gmail', threadId: 't1', messageId: 'm2', text: '1. Excel\n> 1. How?' },
  ]);
});
