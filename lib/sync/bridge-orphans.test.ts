import { describe, expect, test } from 'vitest';
import { allDeals, createDeal, forgetContact, getContact, suppress, upsertContact } from '../db';
import { suppressionHashes } from '../contacts/suppression';
import { SyncBridge } from './bridge';
import { docId, toDoc } from './docs';
import { memoryKit, openRepStore } from './test-kit';

/** A teammate's contact with one deal, and a rep's empty store with its sync copy. */
async function setup() {
  const team = await openRepStore('team');
  const { contact } = await upsertContact(team, { name: 'Jana', emails: ['jana.schubert@acme.de'] });
  const deal = await createDeal(team, { contactId: contact.id, title: 'Acme' });
  const store = await openRepStore('here');
  const mirror = memoryKit.local(`bridge-orphans-${Math.random()}`);
  const bridge = new SyncBridge(store, mirror);
  const parked = async () =>
    ((await mirror.get('_local/pipeline-scout-parked').catch(() => ({}))) as { ids?: string[] }).ids ?? [];
  return { contact, deal, store, mirror, bridge, parked };
}

describe('a teammate’s deal whose contact is not here', () => {
  test('one that arrives before its contact waits for it, and is written when the contact comes', async () => {
    const { contact, deal, store, mirror, bridge, parked } = await setup();
    await mirror.bulkDocs([toDoc({ kind: 'deal', id: deal.id, record: deal })]);
    expect((await bridge.applyIncoming()).written).toBe(0);
    expect(await allDeals(store)).toEqual([]);
    expect(await parked()).toEqual([docId('deal', deal.id)]);

    await mirror.bulkDocs([toDoc({ kind: 'contact', id: contact.id, record: contact })]);
    expect((await bridge.applyIncoming()).written).toBe(2);
    expect((await allDeals(store)).map((d) => d.contactId)).toEqual([contact.id]);
    expect(await parked()).toEqual([]);
    await mirror.destroy();
  });

  test('one of a person the rep suppressed, arriving before the contact, is let go when the contact comes', async () => {
    const { contact, deal, store, mirror, bridge, parked } = await setup();
    await suppress(store, await suppressionHashes(['jana.schubert@acme.de']));
    await mirror.bulkDocs([toDoc({ kind: 'deal', id: deal.id, record: deal })]);
    await bridge.applyIncoming();
    await mirror.bulkDocs([toDoc({ kind: 'contact', id: contact.id, record: contact })]);
    expect((await bridge.applyIncoming()).written).toBe(0);
    expect(await allDeals(store)).toEqual([]);
    expect(await parked()).toEqual([]);
    await mirror.destroy();
  });

  test('one of a person forgotten here (a teammate’s edit revived it) is not stored, and is let go', async () => {
    const { contact, deal, store, mirror, bridge, parked } = await setup();
    const stop = bridge.watch(() => undefined);
    await mirror.bulkDocs([
      toDoc({ kind: 'contact', id: contact.id, record: contact }),
      toDoc({ kind: 'deal', id: deal.id, record: deal }),
    ]);
    await bridge.applyIncoming();
    await forgetContact(store, contact.id);
    await bridge.flush();
    // The teammate's edit of the deal wins over this machine's deletion of it.
    const [row] = (await mirror.allDocs({ keys: [docId('deal', deal.id)] })).rows;
    const tombstone = row && 'value' in row ? row.value!.rev : '';
    const edited = { ...deal, title: 'Acme (edited)', version: deal.version + 1 };
    await mirror.bulkDocs([{ ...toDoc({ kind: 'deal', id: deal.id, record: edited }), _rev: tombstone }]);

    await bridge.applyIncoming();
    expect(await getContact(store, contact.id)).toBeUndefined();
    expect(await allDeals(store)).toEqual([]);
    // The team's copy deleted the contact: nothing is left waiting for it.
    expect(await parked()).toEqual([]);
    stop();
    await mirror.destroy();
  });
});

test('a first sync that parks more than the bound and stops midway loses none of them', async () => {
  const { contact, deal, store, mirror, parked } = await setup();
  // The team's feed lists the contact after its 2,600 deals (edited after them).
  const deals = Array.from({ length: 2_600 }, (_, i) => ({ ...deal, id: `${deal.id}-${i}` }));
  await mirror.bulkDocs(deals.map((d) => toDoc({ kind: 'deal', id: d.id, record: d })));
  await mirror.bulkDocs([toDoc({ kind: 'contact', id: contact.id, record: contact })]);
  // The worker stops after five batches of 500: 2,500 deals parked, more than MAX_PARKED (2,000).
  let batches = 0;
  const stopping = new Proxy(mirror, {
    get(target, key, receiver) {
      if (key === 'changes')
        return (...args: Parameters<typeof mirror.changes>) => {
          if (++batches > 5) throw new Error('worker stopped');
          return target.changes(...args);
        };
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  await expect(new SyncBridge(store, stopping).applyIncoming()).rejects.toThrow('worker stopped');
  expect(await parked()).toHaveLength(2_500);
  // The next wake goes on from there: the contact comes, and every deal is written.
  await new SyncBridge(store, mirror).applyIncoming();
  expect(await allDeals(store)).toHaveLength(2_600);
  expect(await parked()).toEqual([]);
  await mirror.destroy();
}, 120_000);
