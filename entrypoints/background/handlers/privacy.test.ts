import { describe, expect, test } from 'vitest';
import { storedContacts } from '@/lib/db/test-store';
import type { RequestContext } from '../router';
import { detectedWire as wire, setup } from './test-services';

const fromTab: RequestContext = { context: 'content', tabId: 3, tabUrl: 'https://acme.de/team' };
const page: RequestContext = { context: 'page' };
const lena = wire('Lena Fischer', 'lena.fischer@acme.de');
const markus = wire('Markus Weber', 'markus@acme.de');

describe('lifting "never suggest again" from the settings page', () => {
  test('a forgotten person is suggested and can be saved again once the rep allows the address', async () => {
    const { h, services, store } = await setup();
    const { contact } = await h['contacts/add']({ contact: lena }, page);
    await h['contacts/forget']({ id: contact.id, suppress: true }, page);
    expect(await h['privacy/suppressed-count']({}, page)).toEqual({ count: 1 });
    await h['page/report']({ contacts: [lena, markus] }, fromTab);
    expect(services.tabs.get(3).contacts.map((c) => c.name)).toEqual(['Markus Weber']);

    // Typed as the rep remembers it: case and spaces do not matter, as when the list was made.
    expect(await h['privacy/unsuppress']({ email: '  Lena.Fischer@ACME.de ' }, page)).toEqual({
      removed: true,
      count: 0,
    });
    expect(await h['privacy/suppressed-count']({}, page)).toEqual({ count: 0 });
    const again = await h['page/report']({ contacts: [lena, markus] }, fromTab);
    expect(again.badges.map((b) => b.key).sort()).toEqual(['lena.fischer@acme.de', 'markus@acme.de']);
    expect((await h['contacts/add']({ contact: lena }, page)).created).toBe(true);
    expect(await storedContacts(store)).toHaveLength(1);
  });

  test('an address not on the list is reported as such and changes nothing; an invalid one is refused', async () => {
    const { h } = await setup();
    const { contact } = await h['contacts/add']({ contact: lena }, page);
    await h['contacts/forget']({ id: contact.id, suppress: true }, page);
    expect(await h['privacy/unsuppress']({ email: 'markus@acme.de' }, page)).toEqual({
      removed: false,
      count: 1,
    });
    await expect(h['privacy/unsuppress']({ email: 'not an address' }, page)).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await h['privacy/suppressed-count']({}, page)).toEqual({ count: 1 });
    // The refusal says where the list is lifted.
    await expect(h['contacts/add']({ contact: lena }, page)).rejects.toMatchObject({
      code: 'suppressed',
      message: expect.stringContaining('Settings → Never-suggest list'),
    });
  });
});
