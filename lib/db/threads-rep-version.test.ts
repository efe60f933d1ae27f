import { expect, test } from 'vitest';
import { openTestStore } from './test-store';
import { upsertContact } from './contacts';
import { createDeal, getDeal, isCurrentFor, updateDeal } from './deals';
import { recordThreadRead, type FollowUpPolicy } from './threads';
import { StoreError } from './errors';
import { STEPS } from '../pipeline/steps';
import { recordFact } from '../pipeline/deal';
import { dealRecord } from '../io/records';

const MON = Date.UTC(2026, 0, 5, 9);
const policy: FollowUpPolicy = { timeZone: 'UTC', workingDays: (s) => STEPS[s].followUpWorkingDays };
const read = (messages: { id: string; at: number; direction: 'in' | 'out' }[]) => ({
  provider: 'gmail' as const,
  threadId: '18c2f0a1b2c3d4e5',
  subject: 'Conveyors',
  owner: 'rep@seller.io',
  participants: [{ email: 'jane@acme.io', name: 'Jane Doe' }],
  prospectKeys: ['jane@acme.io'],
  focusKey: 'jane@acme.io',
  messages,
  mailbox: { account: 0 },
});

test('a mail re-read while the sidebar edits the deal does not conflict; the mail’s fact is kept', async () => {
  const store = await openTestStore();
  const { contact } = await upsertContact(store, { name: 'Jane Doe', emails: ['jane@acme.io'] });
  const shown = await createDeal(store, { contactId: contact.id, title: 'Conveyors' });
  // The sidebar shows version 1; meanwhile Gmail is read (the rep's sent mail, then a reply, then again).
  await recordThreadRead(store, read([{ id: 'm1', at: MON, direction: 'out' }]), policy);
  await recordThreadRead(store, read([{ id: 'm2', at: MON + 3_600_000, direction: 'in' }]), policy);
  await recordThreadRead(store, read([{ id: 'm2', at: MON + 3_600_000, direction: 'in' }]), policy);
  const afterMail = (await getDeal(store, shown.id))!;
  expect(afterMail).toMatchObject({ version: 2, repVersion: 1, facts: { outreachAt: MON } });
  expect(dealRecord.safeParse(afterMail).success).toBe(true);

  const edited = await updateDeal(store, shown.id, shown.version, (d, now) =>
    recordFact(d, { kind: 'need', need: 'Faster line changes' }, now),
  );
  expect(edited).toMatchObject({
    version: 3,
    facts: { outreachAt: MON },
    needs: { stated: ['Faster line changes'] },
  });
  expect(edited.repVersion).toBeUndefined();

  // A view still at version 1 is now behind a rep's write: that is a real conflict.
  await expect(updateDeal(store, shown.id, shown.version, (d) => d)).rejects.toMatchObject({
    code: 'conflict',
  } satisfies Partial<StoreError>);
});

test('isCurrentFor: only versions produced by mail reads are skipped', () => {
  expect(isCurrentFor({ version: 4 }, 4)).toBe(true);
  expect(isCurrentFor({ version: 4 }, 3)).toBe(false);
  expect(isCurrentFor({ version: 4, repVersion: 2 }, 2)).toBe(true);
  expect(isCurrentFor({ version: 4, repVersion: 2 }, 3)).toBe(true);
  expect(isCurrentFor({ version: 4, repVersion: 2 }, 1)).toBe(false);
  expect(isCurrentFor({ version: 4, repVersion: 2 }, 5)).toBe(false);
});
