import { afterEach, describe, expect, test, vi } from 'vitest';
import { openTestStore } from './test-store';
import { countContacts, createDeal, updateDeal, upsertContact, upsertContacts } from './index';
import { advance } from '../pipeline/deal';
import { dbOf } from './internal';

afterEach(() => vi.restoreAllMocks());

function failWrites(name: string) {
  for (const method of ['put', 'add'] as const) {
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', name);
    });
  }
}

describe('a full disk and a failing database', () => {
  test('quota exceeded: a clear error, nothing half-written, earlier data intact', async () => {
    const store = await openTestStore();
    await upsertContact(store, { name: 'Kept', emails: ['kept@acme.io'] });
    failWrites('QuotaExceededError');
    await expect(
      upsertContacts(store, [
        { name: 'A', emails: ['a@acme.io'] },
        { name: 'B', emails: ['b@acme.io'] },
      ]),
    ).rejects.toMatchObject({
      code: 'quota',
      message: expect.stringMatching(/no room left/),
    });
    vi.restoreAllMocks();
    expect(await countContacts(store)).toBe(1);
  });

  test('a failing write in the middle of a batch rolls the whole batch back', async () => {
    const store = await openTestStore();
    const original = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (++calls === 50) throw new DOMException('disk I/O error', 'UnknownError');
      return original.apply(this, args);
    });
    const inputs = Array.from({ length: 100 }, (_, i) => ({ name: `P${i}`, emails: [`p${i}@acme.io`] }));
    await expect(upsertContacts(store, inputs)).rejects.toMatchObject({ code: 'unavailable' });
    vi.restoreAllMocks();
    expect(await countContacts(store)).toBe(0);
    expect(await upsertContacts(store, inputs)).toHaveLength(100);
  });

  test('two views editing the same deal: the second write is a conflict, no update is lost', async () => {
    const store = await openTestStore();
    const { contact } = await upsertContact(store, { name: 'Jane', emails: ['jane@acme.io'] });
    const deal = await createDeal(store, { contactId: contact.id, title: 'T', fitConfirmed: true });
    const results = await Promise.allSettled([
      updateDeal(store, deal.id, deal.version, (d, now) => advance(d, now, { override: 'view A' })),
      updateDeal(store, deal.id, deal.version, (d, now) => advance(d, now, { override: 'view B' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const stored = await dbOf(store).get('deals', deal.id);
    expect(stored?.history.filter((h) => h.note?.startsWith('view'))).toHaveLength(1);
    expect(stored?.version).toBe(deal.version + 1);
  });
});
