import { describe, expect, test } from 'vitest';
import { readSetting, writeSetting } from '../db';
import { DEFAULT_PROFILE } from '../fit';
import { SyncBridge } from './bridge';
import { memoryKit, openRepStore } from './test-kit';
import type { Mirror } from './mirror';

const profile = (id: string) => ({ ...DEFAULT_PROFILE, id, name: `Profile ${id}` });
const ids = async (store: Awaited<ReturnType<typeof openRepStore>>) =>
  (await readSetting(store, 'fit.profiles')).map((p) => p.id).sort();

/** One rep's machine: its store and its sync copy, with the bridge following its changes. */
async function machine(name: string) {
  const store = await openRepStore(name);
  const mirror = memoryKit.local(`profile-deletion-${name}-${Math.random()}`);
  const bridge = new SyncBridge(store, mirror);
  bridge.watch(() => undefined);
  return { store, mirror, bridge };
}

/** What the server does between two copies: every document, both ways. */
async function exchange(a: Mirror, b: Mirror) {
  await memoryKit.replicate(a, b);
  await memoryKit.replicate(b, a);
}

describe('fit profiles: a deletion travels like the other record types', () => {
  test('a profile deleted on one machine goes on the other; a teammate’s new one not yet applied stays', async () => {
    const ann = await machine('ann');
    const ben = await machine('ben');
    await writeSetting(ann.store, 'fit.profiles', [DEFAULT_PROFILE, profile('trade-fairs')]);
    await ann.bridge.flush();
    await exchange(ann.mirror, ben.mirror);
    await ben.bridge.applyIncoming();
    expect(await ids(ben.store)).toEqual(['default-b2b', 'trade-fairs']);

    // Ben adds a profile; it reaches Ann's copy, but Ann has not applied it when she deletes hers.
    await writeSetting(ben.store, 'fit.profiles', [
      ...(await readSetting(ben.store, 'fit.profiles')),
      profile('ben-new'),
    ]);
    await ben.bridge.flush();
    await exchange(ann.mirror, ben.mirror);
    await writeSetting(ann.store, 'fit.profiles', [DEFAULT_PROFILE]);
    await ann.bridge.flush();
    await ann.bridge.applyIncoming();
    expect(await ids(ann.store)).toEqual(['ben-new', 'default-b2b']);

    await exchange(ann.mirror, ben.mirror);
    await ben.bridge.applyIncoming();
    expect(await ids(ben.store)).toEqual(['ben-new', 'default-b2b']);
    // And it does not come back with the next rounds.
    await ben.bridge.reconcile();
    await exchange(ann.mirror, ben.mirror);
    await ann.bridge.applyIncoming();
    expect(await ids(ann.store)).toEqual(['ben-new', 'default-b2b']);
    await Promise.all([ann.mirror.destroy(), ben.mirror.destroy()]);
  });

  test('a profile deleted while no change was noted (a worker stop) goes out at the next start', async () => {
    const ann = await machine('ann-stop');
    await writeSetting(ann.store, 'fit.profiles', [DEFAULT_PROFILE, profile('old')]);
    await ann.bridge.flush();
    // The worker stopped before the change was noted: a new bridge over the same store and copy.
    await writeSetting(ann.store, 'fit.profiles', [DEFAULT_PROFILE], 'sync');
    const restarted = new SyncBridge(ann.store, ann.mirror);
    await restarted.reconcile();
    await expect(ann.mirror.get('profile:old')).rejects.toMatchObject({ status: 404 });
    await ann.mirror.destroy();
  });
});
