// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderWithApi } from '../test-utils';
import { SyncSection } from './SyncSection';
import type { SyncView } from '@/lib/messages';

const off: SyncView = { configured: false, state: 'off', pending: 0, conflicts: 0, refused: 0 };

function fill(label: RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('team sync settings', () => {
  test('plain http to another machine is refused before anything is asked or saved', async () => {
    const requestOrigin = vi.fn(async () => true);
    const { calls } = renderWithApi(<SyncSection requestOrigin={requestOrigin} />, {
      'sync/status': () => off,
    });
    await screen.findByText('Off: nothing leaves this machine.');
    fill(/Server URL/, 'http://couch.example.com');
    fill(/Database/, 'sales');
    fill(/^User$/, 'ann');
    expect(await screen.findByText(/Use https/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save and connect' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(requestOrigin).not.toHaveBeenCalled();
    expect(calls.map((c) => c.type)).toEqual(['sync/status']);
  });

  test('saving asks for the server origin first; a refusal saves nothing', async () => {
    let grant = false;
    const requestOrigin = vi.fn(async () => grant);
    const { calls } = renderWithApi(<SyncSection requestOrigin={requestOrigin} />, {
      'sync/status': () => off,
      'sync/save': () => ({ ...off, configured: true, state: 'live' as const }),
    });
    await screen.findByText('Off: nothing leaves this machine.');
    fill(/Server URL/, 'https://couch.example.com:6984');
    fill(/Database/, 'sales');
    fill(/^User$/, 'ann');
    fill(/^Password$/, 's3cret');
    fireEvent.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect(await screen.findByText(/not granted/)).toBeTruthy();
    expect(requestOrigin).toHaveBeenCalledWith('https://couch.example.com/*');
    expect(calls.some((c) => c.type === 'sync/save')).toBe(false);
    grant = true;
    fireEvent.click(screen.getByRole('button', { name: 'Save and connect' }));
    await waitFor(() =>
      expect(calls.find((c) => c.type === 'sync/save')?.payload).toMatchObject({
        url: 'https://couch.example.com:6984',
        database: 'sales',
        auth: 'password',
        username: 'ann',
        password: 's3cret',
      }),
    );
  });

  test('status in plain words: the error, last sync, pending changes and conflicts', async () => {
    renderWithApi(
      <SyncSection requestOrigin={async () => true} />,
      {
        'sync/status': () => ({
          configured: true,
          server: {
            url: 'https://couch.example.com',
            database: 'sales',
            auth: 'password',
            username: 'ann',
            passwordSet: true,
          },
          state: 'error',
          lastSyncAt: Date.UTC(2026, 0, 5, 9),
          pending: 3,
          conflicts: 1,
          refused: 0,
          error: { code: 'unauthorized', detail: '401' },
        }),
      },
      'de',
    );
    expect(
      await screen.findByText('Der Server hat Benutzername oder Passwort nicht angenommen.'),
    ).toBeTruthy();
    expect(screen.getByText('3')).toBeTruthy();
    expect(screen.getByText(/Leer lassen/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeTruthy();
  });
});
