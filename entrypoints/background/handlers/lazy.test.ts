import { describe, expect, test, vi } from 'vitest';
import type { Services } from '../services';
import type { RequestContext } from '../router';
import { lazyHandlers, type GroupMaker } from './lazy';

const request: RequestContext = { context: 'page' };
const services = { now: () => 1 } as unknown as Services;

/** A group whose module "loads" when `release` is called; counts the loads and the groups made. */
function deferredGroup() {
  let release!: () => void;
  const loaded = new Promise<void>((go) => (release = go));
  const make = vi.fn<GroupMaker<'tab/state' | 'health/get'>>((s) => ({
    'tab/state': async ({ tabId }) => ({ tabId, url: `at ${s.now()}`, contacts: [] }) as never,
    'health/get': async () => ({ pages: 7, anchors: {} }) as never,
  }));
  const load = vi.fn(() => loaded.then(() => make));
  return { load, make, release };
}

describe('handlers loaded on the first message of their types', () => {
  test('nothing loads until a message comes; then once for every type of the group', async () => {
    const group = deferredGroup();
    const h = lazyHandlers(services, ['tab/state', 'health/get'], group.load);
    expect(group.load).not.toHaveBeenCalled();
    group.release();
    await expect(h['tab/state']({ tabId: 3 }, request)).resolves.toMatchObject({ tabId: 3, url: 'at 1' });
    await expect(h['health/get']({}, request)).resolves.toEqual({ pages: 7, anchors: {} });
    expect(group.load).toHaveBeenCalledTimes(1);
    expect(group.make).toHaveBeenCalledTimes(1);
  });

  test('messages that arrive while the module loads all wait for it and are answered', async () => {
    const group = deferredGroup();
    const h = lazyHandlers(services, ['tab/state', 'health/get'], group.load);
    const first = h['tab/state']({ tabId: 1 }, request);
    const second = h['health/get']({}, request);
    const third = h['tab/state']({ tabId: 2 }, request);
    group.release();
    await expect(first).resolves.toMatchObject({ tabId: 1 });
    await expect(second).resolves.toEqual({ pages: 7, anchors: {} });
    await expect(third).resolves.toMatchObject({ tabId: 2 });
    expect(group.load).toHaveBeenCalledTimes(1);
  });

  test('a load that fails fails its message, and the next message loads again', async () => {
    const group = deferredGroup();
    const load = vi
      .fn<() => Promise<GroupMaker<'tab/state' | 'health/get'>>>()
      .mockRejectedValueOnce(new Error('worker stopping'))
      .mockImplementation(group.load);
    const h = lazyHandlers(services, ['tab/state', 'health/get'], load);
    await expect(h['health/get']({}, request)).rejects.toThrow('worker stopping');
    group.release();
    await expect(h['health/get']({}, request)).resolves.toEqual({ pages: 7, anchors: {} });
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('a group whose making fails is made again on the next message', async () => {
    const group = deferredGroup();
    group.make.mockImplementationOnce(() => {
      throw new Error('store closed');
    });
    const h = lazyHandlers(services, ['tab/state', 'health/get'], group.load);
    group.release();
    await expect(h['health/get']({}, request)).rejects.toThrow('store closed');
    await expect(h['health/get']({}, request)).resolves.toEqual({ pages: 7, anchors: {} });
    expect(group.make).toHaveBeenCalledTimes(2);
  });
});
