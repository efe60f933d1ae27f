import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHtml } from '@/cli/parse-html';
import { readMailView } from '@/lib/webmail';
import { mailSummaryWire } from '@/lib/messages/wire';
import { threadReadOf } from '@/lib/threads/read';
import { mailSummaryOf } from './mail-summary';

const viewOf = (path: string, url: string) => readMailView(parseHtml(readFileSync(path, 'utf8'), url), url)!;

test.each([
  ['demo/site/gmail.html', 'https://mail.google.com/mail/u/0/', 'gmail'],
  ['demo/site/gmail-workspace.html', 'https://mail.google.com/mail/u/1/', 'gmail'],
  ['demo/site/outlook.html', 'https://outlook.office.com/mail/', 'outlook'],
  ['demo/site/outlook-de.html', 'https://outlook.office.com/mail/', 'outlook'],
] as const)(
  '%s: thread id, messages with id, date and people; valid on the wire; directions by the owner',
  (path, url, provider) => {
    const summary = mailSummaryOf(viewOf(path, url), provider);
    expect(mailSummaryWire.parse(summary)).toEqual(summary);
    expect(summary.threadId).toBeTruthy();
    expect(summary.messages?.length).toBeGreaterThan(0);
    for (const m of summary.messages ?? []) {
      expect(m.id).toBeTruthy();
      expect(m.from?.email).toContain('@');
      expect(typeof m.at).toBe('number');
    }
    expect(JSON.stringify(summary)).not.toMatch(/<|body/i);
    const read = threadReadOf(summary, 0);
    // The mailbox owner wrote nothing the thread reads as "in", and is never a participant.
    expect(read?.participants.some((p) => summary.own?.includes(p.email.toLowerCase()))).toBe(false);
    expect(read?.messages.length).toBe(summary.messages?.length);
  },
);
