import { describe, expect, test } from 'vitest';
import { suppressionHash, withoutSuppressed } from './suppression';

describe('never suggest again', () => {
  test('the hash is of the normalised address, and is not the address', async () => {
    const a = await suppressionHash(' Jana.Schubert@Acme-Industrie.DE ');
    const b = await suppressionHash('jana.schubert@acme-industrie.de');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('jana');
    expect(await suppressionHash('jana@müller.de')).toBe(await suppressionHash('JANA@xn--mller-kva.de'));
    expect(await suppressionHash('other@acme-industrie.de')).not.toBe(a);
    expect(await suppressionHash('not an address')).toBeUndefined();
  });

  test('a contact with any suppressed address is dropped; others and address-less ones stay', async () => {
    const suppressed = new Set([(await suppressionHash('lena@acme.de'))!]);
    const contacts = [
      { name: 'Lena', emails: ['other@acme.de', 'LENA@acme.de'] },
      { name: 'Jana', emails: ['jana@acme.de'] },
      { name: 'No address', emails: [] },
    ];
    expect((await withoutSuppressed(contacts, suppressed)).map((c) => c.name)).toEqual([
      'Jana',
      'No address',
    ]);
    expect(await withoutSuppressed(contacts, new Set())).toBe(contacts);
  });
});
