// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { screen } from '@testing-library/preact';
import { testContact } from '@/lib/contacts/test-contact';
import { renderWithApi } from '../test-utils';
import { Provenance } from './ContactEditor';

const AT = Date.UTC(2026, 10, 20, 9);
const imported = (url: string) =>
  testContact({
    id: 'c1',
    name: 'Jana Schubert',
    emails: ['jana@acme.de'],
    tags: ['fair'],
    notes: 'Met at the fair',
    sources: [{ url, seenAt: AT, detector: 'import-csv', field: 'contact' }],
    createdAt: AT,
  });

describe('Provenance', () => {
  test('an imported field says "from an import (file, date)", notes and tags too; en and de', () => {
    const fields = ['name', 'emails', 'notes', 'tags'];
    const { unmount } = renderWithApi(
      fields.map((f) => <Provenance key={f} contact={imported('leads 2026.csv')} field={f} />),
      {},
    );
    const shown = () => [...document.querySelectorAll('[data-provenance]')].map((e) => e.textContent);
    expect(shown()).toEqual(fields.map(() => 'from an import (leads 2026.csv, 20 Nov 2026)'));
    unmount();
    renderWithApi(<Provenance contact={imported('leads 2026.csv')} field="title" />, {}, 'de');
    expect(screen.getByText(/Import/).textContent).toBe('aus einem Import (leads 2026.csv, 20. Nov. 2026)');
  });

  test('an import without a file name says when; an edit is the rep’s', () => {
    renderWithApi(
      <>
        <Provenance contact={imported('')} field="name" />
        <Provenance contact={{ ...imported('x.csv'), edited: { name: AT + 1 } }} field="name" />
      </>,
      {},
    );
    expect([...document.querySelectorAll('[data-provenance]')].map((e) => e.textContent)).toEqual([
      'from an import (20 Nov 2026)',
      'edited by you · 20 Nov 2026',
    ]);
  });
});
