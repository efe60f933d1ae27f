import { describe, expect, test } from 'vitest';
import { allDeals, createDeal, suppress, upsertContact } from '../db';
import { suppressionHashes } from '../contacts/suppression';
import { SyncBridge } from './bridge';
import { toDoc } from './docs';
import { memoryKit, openRepStore } from './test-kit';

describe('team data of a suppressed person, batch after batch', () => {
  test('a deal that arrives after its suppressed contact is not written; a colleague’s is', async () => {
    const team = await openRepStore('team');
    const { contact: jana } = await upsertContact(team, { name: 'Jana', emails: ['jana.schubert@acme.de'] });
    const { contact: tom } = await upsertContact(team, { name: 'Tom', emails: ['tom@acme.de'] });
    const hers = await createDeal(team, { contactId: jana.id, title: 'Acme' });
    const toms = await createDeal(team, { contactId: tom.id, title: 'Tom’s' });

    const store = await openRepStore('here');
    await suppress(store, await suppressionHashes(['jana.schubert@acme.de']));
    const mirror = memoryKit.local(`bridge-suppression-${Math.random()}`);
    const bridge = new SyncBridge(store, mirror);
    // The contacts arrive first (hers is left out), the deals in a later round.
    await mirror.bulkDocs([
      toDoc({ kind: 'contact', id: jana.id, record: jana }),
      toDoc({ kind: 'contact', id: tom.id, record: tom }),
    ]);
    expect((await bridge.applyIncoming()).written).toBe(1);
    await mirror.bulkDocs([
      toDoc({ kind: 'deal', id: hers.id, record: hers }),
      toDoc({ kind: 'deal', id: toms.id, record: toms }),
    ]);
    expect((await bridge.applyIncoming()).written).toBe(1);
    expect((await allDeals(store)).map((d) => d.title)).toEqual(['Tom’s']);
    await mirror.destroy();
  });
});
