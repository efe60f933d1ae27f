// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { compileProfile, DEFAULT_PROFILE } from '@/lib/fit';
import { RemoteError, type TabContact } from '@/lib/messages';
import { MESSAGES } from '@/lib/i18n';
import { renderWithApi } from '../test-utils';
import { Popup } from './Popup';

const profile = compileProfile(DEFAULT_PROFILE);
function tabContact(name: string, title: string, email: string): TabContact {
  const c = { name, title, emails: [email], phones: [], profiles: [], detectors: ['card'] };
  return { ...c, key: email, fit: profile.evaluate(c) };
}
const HOSTILE = `<img src=x onerror="window.__pwned=1">\u202Egnp.exe${'A'.repeat(10_000)}`;

describe('popup', () => {
  test('contacts of the tab, leads first, reasons on demand; start deal saves and focuses', async () => {
    const openSidebar = vi.fn();
    const lena = tabContact('Lena Fischer', 'Werkstudentin', 'lena@acme.de');
    const markus = tabContact('Markus Weber', 'Head of Procurement', 'markus@acme.de');
    const { calls } = renderWithApi(<Popup tabId={4} openSidebar={openSidebar} now={() => 0} />, {
      'tab/state': () => ({ url: 'https://acme.de', contacts: [lena, markus] }),
      'deals/due': () => [],
      'contacts/add': () => ({ contact: { id: 'c9' } as never, created: true }),
      'deals/start': () => ({ deal: {} as never, existing: false }),
      'focus/set': () => ({}),
    });
    const rows = await screen.findAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('Markus Weber');
    expect(rows[0]!.textContent).toContain('Lead · 75');
    fireEvent.click(screen.getAllByRole('button', { name: 'Why?' })[0]!);
    expect(rows[0]!.textContent).toContain("+30: title 'Head of Procurement' matches seniority Head");
    fireEvent.click(screen.getAllByRole('button', { name: 'Start deal' })[0]!);
    await waitFor(() => expect(calls.map((c) => c.type)).toContain('focus/set'));
    expect(calls.find((c) => c.type === 'contacts/add')?.payload).toMatchObject({
      contact: { name: 'Markus Weber' },
      sourceUrl: 'https://acme.de',
    });
    expect(calls.find((c) => c.type === 'deals/start')?.payload).toEqual({ contactId: 'c9' });
    expect(openSidebar).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Nothing due today.')).toBeTruthy();
  });

  test('a person on the never-suggest list is refused in the rep’s language, not the log’s English', async () => {
    const english = 'You asked never to be suggested this person again, so they were not saved.';
    for (const locale of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      const { unmount } = renderWithApi(
        <Popup tabId={4} openSidebar={() => undefined} now={() => 0} />,
        {
          'tab/state': () => ({ contacts: [tabContact('Jana Schubert', 'CEO', 'jana@acme.de')] }),
          'deals/due': () => [],
          'contacts/add': () => {
            throw new RemoteError('suppressed', english);
          },
        },
        locale,
      );
      fireEvent.click(await screen.findByRole('button', { name: MESSAGES[locale].startDeal }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe(MESSAGES[locale].suppressedNotSaved);
      if (locale !== 'en') expect(alert.textContent).not.toBe(MESSAGES.en.suppressedNotSaved);
      unmount();
    }
  });

  test('less certain finds are listed only on request', async () => {
    const sure = { ...tabContact('Ann Lee', 'CEO', 'a@x.de'), confidence: 0.9 };
    const unsure = {
      ...tabContact('Kwame Osei', 'Intern', 'k@x.de'),
      emails: [],
      key: 'name:kwame osei',
      confidence: 0.6,
    };
    renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => ({ contacts: [sure, unsure] }),
      'deals/due': () => [],
    });
    const list = await screen.findByRole('list', { name: 'Found on this page' });
    await waitFor(() => expect(list.textContent).toContain('Ann Lee'));
    expect(list.textContent).not.toContain('Kwame Osei');
    fireEvent.click(screen.getByRole('button', { name: 'Show less certain finds (1)' }));
    await waitFor(() => expect(list.textContent).toContain('Kwame Osei'));
    fireEvent.click(screen.getByRole('button', { name: 'Hide less certain finds (1)' }));
    await waitFor(() => expect(list.textContent).not.toContain('Kwame Osei'));
  });

  test('arrow keys move between rows', async () => {
    renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => ({
        contacts: [tabContact('Ann Lee', 'CEO', 'a@x.de'), tabContact('Bob Roe', 'CFO', 'b@x.de')],
      }),
      'deals/due': () => [],
    });
    const rows = await screen.findAllByRole('listitem');
    rows[0]!.focus();
    fireEvent.keyDown(screen.getByRole('list', { name: 'Found on this page' }), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
  });

  test('hostile names and titles are inert text', async () => {
    renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => ({ contacts: [tabContact(HOSTILE, HOSTILE, 'evil@x.de')] }),
      'deals/due': () => [],
    });
    const row = await screen.findByRole('listitem');
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('<img src=x onerror=');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('an empty tab offers "Scan this page" and says when it cannot', async () => {
    const { calls } = renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => ({ contacts: [] }),
      'deals/due': () => [],
      'tab/scan': () => ({ injected: false }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Scan this page' }));
    await screen.findByText(/cannot be scanned/);
    expect(calls.some((c) => c.type === 'tab/scan')).toBe(true);
  });

  test('a storage failure is explained, not a spinner', async () => {
    renderWithApi(<Popup tabId={4} openSidebar={() => undefined} />, {
      'tab/state': () => {
        throw Object.assign(new Error('x'), { code: 'unavailable' });
      },
      'deals/due': () => [],
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot open its local database/);
  });

  test('German', async () => {
    renderWithApi(
      <Popup tabId={4} openSidebar={() => undefined} />,
      { 'tab/state': () => ({ contacts: [] }), 'deals/due': () => [] },
      'de',
    );
    expect(await screen.findByRole('button', { name: 'Diese Seite scannen' })).toBeTruthy();
  });
});
