import { describe, expect, test } from 'vitest';
import { getThread, suppress } from '@/lib/db';
import { openTestStore } from '@/lib/db/test-store';
import { suppressionHashes } from '@/lib/contacts/suppression';
import type { MailSummaryWire } from '@/lib/messages';
import { recordMailThread } from './threads';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const mail = (threadId: string, cc: string[]): MailSummaryWire => ({
  provider: 'gmail',
  threadId,
  subject: 'Retrofit',
  owner: 'rep@seller.io',
  focusEmail: 'Jana.Schubert@acme.de',
  messages: [
    {
      id: `${threadId}-1`,
      at: Date.UTC(2026, 10, 23, 9),
      from: { email: 'Jana.Schubert@acme.de', name: 'Jana Schubert' },
      to: [{ email: 'rep@seller.io' }],
      cc: cc.map((email) => ({ email })),
    },
  ],
});

describe('a re-read of the mailbox after "forget, never suggest again"', () => {
  test('stores nothing of the forgotten person; others in the thread are kept', async () => {
    const store = await openTestStore();
    await recordMailThread(store, mail('before', []), GMAIL, store.now());
    expect((await getThread(store, 'gmail:before'))?.prospectKeys).toEqual(['jana.schubert@acme.de']);

    await suppress(store, await suppressionHashes(['jana.schubert@acme.de']));
    await recordMailThread(store, mail('only-her', []), GMAIL, store.now());
    expect(await getThread(store, 'gmail:only-her')).toBeUndefined();
    await recordMailThread(store, mail('with-tom', ['tom@acme.de']), GMAIL, store.now());
    const kept = await getThread(store, 'gmail:with-tom');
    expect(kept).toMatchObject({ participants: [{ email: 'tom@acme.de' }], prospectKeys: ['tom@acme.de'] });
    expect(JSON.stringify(kept)).not.toMatch(/jana|schubert/i);
  });
});
