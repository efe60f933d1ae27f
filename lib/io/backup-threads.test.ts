import { describe, expect, test } from 'vitest';
import { openTestStore } from '../db/test-store';
import {
  createDeal,
  getThread,
  recordAnswers,
  recordThreadRead,
  upsertContact,
  type FollowUpPolicy,
} from '../db';
import { STEPS } from '../pipeline/steps';
import {
  BACKUP_FORMAT_VERSION,
  checksumOf,
  createBackup,
  deleteEverything,
  planRestore,
  restoreBackup,
} from './backup';

// A backup as JSON, to be damaged on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type BackupJson = Record<string, any>;
const MON = Date.UTC(2026, 0, 5, 9);
const policy: FollowUpPolicy = { timeZone: 'UTC', workingDays: (s) => STEPS[s].followUpWorkingDays };

/** A contact with a deal and a Gmail thread linked to it (the rep wrote last: a follow-up is pending). */
async function withThread() {
  const store = await openTestStore();
  const { contact } = await upsertContact(store, { name: 'Jane Doe', emails: ['jane@acme.io'] });
  const deal = await createDeal(store, { contactId: contact.id, title: 'Conveyors' });
  const thread = (await recordThreadRead(
    store,
    {
      provider: 'gmail',
      threadId: '18c2f0a1b2c3d4e5',
      subject: 'Proposal for Acme',
      owner: 'rep@seller.io',
      participants: [{ email: 'jane@acme.io', name: 'Jane Doe' }],
      prospectKeys: ['jane@acme.io'],
      focusKey: 'jane@acme.io',
      messages: [{ id: 'm1', at: MON, direction: 'out' }],
      mailbox: { account: 0 },
    },
    policy,
  ))!;
  return { store, deal, thread };
}

/** A backup file rewritten as an older build wrote it: format 1, no threads (checksum over its data). */
async function asFormat1(json: string): Promise<string> {
  const file = JSON.parse(json) as Record<string, unknown> & {
    data: Record<string, unknown>;
    counts: Record<string, unknown>;
  };
  delete file.formatVersion;
  delete file.data.threads;
  delete file.counts.threads;
  file.checksum = await checksumOf(file.data);
  return JSON.stringify(file);
}

describe('linked threads in the backup (format 2)', () => {
  test('backed up and restored with their deal link and follow-up', async () => {
    const { store, deal, thread } = await withThread();
    expect(thread.dealId).toBe(deal.id);
    const backup = await createBackup(store);
    expect(backup.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(backup.counts.threads).toBe(1);
    const json = JSON.stringify(backup);
    await deleteEverything(store);
    expect(await getThread(store, thread.id)).toBeUndefined();
    const plan = await planRestore(store, json);
    expect(plan.summary.threads).toEqual({ add: 1, replace: 0, remove: 0 });
    await restoreBackup(store, plan);
    expect(await getThread(store, thread.id)).toEqual(thread);
  });

  test("a thread's questionnaire answers (#19) are backed up and restored with it", async () => {
    const { store, thread } = await withThread();
    const replied = await recordThreadRead(
      store,
      {
        provider: 'gmail',
        threadId: thread.threadId,
        subject: thread.subject,
        owner: 'rep@seller.io',
        participants: thread.participants,
        prospectKeys: thread.prospectKeys,
        focusKey: 'jane@acme.io',
        messages: [...thread.messages, { id: 'm2', at: MON + 86_400_000, direction: 'in' }],
        mailbox: { account: 0 },
      },
      policy,
    );
    await recordAnswers(store, replied!.id, 'm2', [
      { index: 0, question: 'How do you plan today?', answer: 'In Excel, weekly.' },
    ]);
    const answered = await getThread(store, thread.id);
    expect(answered?.answers).toHaveLength(1);
    const json = JSON.stringify(await createBackup(store));
    await deleteEverything(store);
    await restoreBackup(store, await planRestore(store, json));
    expect(await getThread(store, thread.id)).toEqual(answered);
  });

  test('an older backup without threads still restores (and leaves no stale thread behind)', async () => {
    const { store, thread } = await withThread();
    const old = await asFormat1(JSON.stringify(await createBackup(store)));
    const plan = await planRestore(store, old);
    expect(plan.summary.threads).toEqual({ add: 0, replace: 0, remove: 1 });
    await restoreBackup(store, plan);
    expect(await getThread(store, thread.id)).toBeUndefined();
    expect((await createBackup(store)).counts).toMatchObject({ contacts: 1, deals: 1, threads: 0 });
  });

  test.each([
    ['a format-2 file whose threads were cut off', (f: BackupJson) => delete f.data.threads],
    ['a thread with a body', (f: BackupJson) => (f.data.threads[0].body = 'Hello Jane')],
    ['a newer format', (f: BackupJson) => (f.formatVersion = BACKUP_FORMAT_VERSION + 1)],
  ])('%s is refused', async (_label, change) => {
    const { store, thread } = await withThread();
    const file = JSON.parse(JSON.stringify(await createBackup(store))) as BackupJson;
    change(file);
    file.checksum = await checksumOf(file.data);
    await expect(planRestore(store, JSON.stringify(file))).rejects.toMatchObject({ code: 'invalid' });
    expect(await getThread(store, thread.id)).toEqual(thread);
  });

  test('a thread linked to a deal or contact the file does not hold restores unlinked from it', async () => {
    const { store, thread } = await withThread();
    const file = JSON.parse(JSON.stringify(await createBackup(store))) as BackupJson;
    Object.assign(file.data.threads[0], { dealId: 'gone', contactId: 'gone too', askDealIds: ['gone'] });
    file.checksum = await checksumOf(file.data);
    await restoreBackup(store, await planRestore(store, JSON.stringify(file)));
    const restored = await getThread(store, thread.id);
    expect(restored).toMatchObject({ id: thread.id, messages: thread.messages, followUp: thread.followUp });
    expect(restored?.dealId).toBeUndefined();
    expect(restored?.contactId).toBeUndefined();
    expect(restored?.askDealIds).toBeUndefined();
    expect(restored?.followUpDueAt).toBeUndefined();
  });
});
