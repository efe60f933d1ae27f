import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHtml } from '@/cli/parse-html';
import { readMailView } from '@/lib/webmail';
import { quotedTextOf } from '@/lib/text/quoted-text';
import { DEFAULT_QUESTION_SETS, answersOfBestSet } from '@/lib/templates';

const sets = DEFAULT_QUESTION_SETS.map((s) => s.questions);

/**
 * The reply fixtures end to end without a browser: the mail adapter finds the prospect's open
 * message, the content side turns its body into quoted text, the background reads the answers.
 */
test.each([
  [
    'demo/site/gmail-reply.html',
    'https://mail.google.com/mail/u/0/',
    [
      [0, 'We plan production in spreadsheets.'],
      [1, 'Rush orders break the plan every week.'],
      [3, 'Our plant manager and me.'],
    ],
  ],
  [
    'demo/site/outlook-reply.html',
    'https://outlook.office.com/mail/',
    [
      [0, 'Dock slots are booked by phone and on a whiteboard.'],
      [1, 'Trucks wait up to two hours at the gate.'],
      [4, 'About 30,000 EUR this year.'],
    ],
  ],
] as const)('%s: the answers typed between the copied questions', (path, url, expected) => {
  const view = readMailView(parseHtml(readFileSync(path, 'utf8'), url), url)!;
  const open = view.messages.filter((m) => !m.collapsed);
  expect(open).toHaveLength(1);
  expect(view.messages).toHaveLength(2);
  const text = quotedTextOf(open[0]!.bodyElement!);
  expect(answersOfBestSet(text, sets).map((a) => [a.index, a.answer])).toEqual(expected);
});
