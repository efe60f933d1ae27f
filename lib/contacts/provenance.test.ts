import { describe, expect, test } from 'vitest';
import { openTestStore } from '../db/test-store';
import { updateContact, upsertContact } from '../db/contacts';
import { provenanceOf } from './provenance';

const page = (url: string, seenAt: number, detector = 'card') => [
  { url, seenAt, detector, field: 'contact' },
];

describe('detections suggest, the rep decides', () => {
  test('an edited field survives a re-detection; the differing value becomes a suggestion', async () => {
    const store = await openTestStore();
    const t0 = store.now();
    const { contact } = await upsertContact(store, {
      name: 'Markus Weber',
      emails: ['markus.weber@acme-industrie.de'],
      title: 'Einkauf',
      company: 'acme-industrie.de',
      phones: ['+49301234560'],
      sources: page('https://acme-industrie.de/team', t0),
    });
    expect(provenanceOf(contact, 'company')).toMatchObject({ kind: 'page', host: 'acme-industrie.de' });
    expect(provenanceOf(contact, 'notes')).toEqual({ kind: 'manual', at: t0 });
    store.tick(1_000);
    const edited = await updateContact(store, contact.id, contact.version, {
      company: 'Acme GmbH',
      phones: [],
    });
    expect(provenanceOf(edited, 'company')).toEqual({ kind: 'edited', at: t0 + 1_000 });

    store.tick(1_000);
    const again = await upsertContact(store, {
      name: 'Markus Weber',
      emails: ['markus.weber@acme-industrie.de'],
      title: 'Head of Sales',
      company: 'acme-industrie.de',
      phones: ['+49301234560'],
      sources: page('https://acme-industrie.de/team', t0 + 2_000),
    });
    // The rep's company and emptied phone list stand; the page's different title is offered, not applied.
    expect(again.contact.company).toBe('Acme GmbH');
    expect(again.contact.phones).toEqual([]);
    expect(again.contact.title).toBe('Einkauf');
    expect(again.contact.suggestions).toEqual([
      expect.objectContaining({ field: 'title', value: 'Head of Sales' }),
      expect.objectContaining({ field: 'company', value: 'acme-industrie.de' }),
    ]);

    // Taking a suggestion is an edit: it becomes the rep's value and the suggestion is answered.
    const taken = await updateContact(store, again.contact.id, again.contact.version, {
      title: 'Head of Sales',
    });
    expect(taken.title).toBe('Head of Sales');
    expect(taken.suggestions?.map((s) => s.field)).toEqual(['company']);
  });

  test('a field nobody edited and the contact lacks is still filled by a detection', async () => {
    const store = await openTestStore();
    await upsertContact(store, { name: 'Jana', emails: ['jana@acme.de'] });
    const { contact } = await upsertContact(store, {
      emails: ['jana@acme.de'],
      title: 'CEO',
      sources: [{ url: '', seenAt: 1, detector: 'signature', field: 'contact' }],
    });
    expect(contact.title).toBe('CEO');
    expect(contact.suggestions).toEqual([]);
    expect(provenanceOf(contact, 'title').kind).toBe('signature');
  });
});
