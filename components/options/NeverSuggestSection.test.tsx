// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { RemoteError } from '@/lib/messages';
import { renderWithApi } from '../test-utils';
import { NeverSuggestSection } from './NeverSuggestSection';

/** A fake background holding the list as lower-cased addresses (the real one keeps hashes). */
function fakeList(listed: string[]) {
  const list = new Set(listed);
  return {
    'privacy/suppressed-count': () => ({ count: list.size }),
    'privacy/unsuppress': ({ email }: { email: string }) => {
      if (!email.includes('@')) throw new RemoteError('invalid', 'Not a valid e-mail address.');
      const removed = list.delete(email.toLowerCase());
      return { removed, count: list.size };
    },
  };
}

const field = () => screen.getByLabelText('Allow an address again') as HTMLInputElement;
const allow = () => screen.getByRole('button', { name: 'Allow again' }) as HTMLButtonElement;
const submit = (value: string) => {
  fireEvent.input(field(), { target: { value } });
  fireEvent.submit(field().form!);
};

describe('never-suggest list on the settings page', () => {
  test('shows the count; allowing a listed address says so, empties the field and lowers the count', async () => {
    const { calls } = renderWithApi(<NeverSuggestSection />, fakeList(['jana@acme.de', 'tom@acme.de']));
    expect(await screen.findByText('Addresses on it: 2.')).toBeTruthy();
    expect(allow().disabled).toBe(true);
    // Enter in the field submits (keyboard first); the address is sent trimmed.
    submit('  Jana@acme.de ');
    const status = await screen.findByText(
      'Removed: Jana@acme.de is off the list. A person is suggested again once none of their addresses is on it.',
    );
    expect(status.getAttribute('role')).toBe('status');
    expect(status.className).toBe('ok');
    expect(field().value).toBe('');
    expect(document.activeElement).toBe(field());
    expect(await screen.findByText('Addresses on it: 1.')).toBeTruthy();
    expect(calls.filter((c) => c.type === 'privacy/unsuppress').map((c) => c.payload)).toEqual([
      { email: 'Jana@acme.de' },
    ]);
  });

  test('an address not on the list is said to be so and stays in the field; the button sends it too', async () => {
    renderWithApi(<NeverSuggestSection />, fakeList(['jana@acme.de']));
    await screen.findByText('Addresses on it: 1.');
    fireEvent.input(field(), { target: { value: 'lea@acme.de' } });
    expect(allow().disabled).toBe(false);
    fireEvent.click(allow());
    expect(await screen.findByText('lea@acme.de is not on the list.')).toBeTruthy();
    expect(field().value).toBe('lea@acme.de');
    expect(field().getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Addresses on it: 1.')).toBeTruthy();
  });

  test('an invalid address is marked at the field until it is edited; other errors show as errors', async () => {
    const fakes = fakeList(['jana@acme.de']);
    renderWithApi(<NeverSuggestSection />, {
      ...fakes,
      'privacy/unsuppress': (p) => {
        if (p.email === 'down@acme.de') throw new RemoteError('unavailable', 'The database is unavailable.');
        return fakes['privacy/unsuppress'](p);
      },
    });
    submit('jana.acme.de');
    const message = await screen.findByText('Not a valid e-mail address: jana.acme.de');
    expect(message.className).toBe('error');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain(message.id);
    fireEvent.input(field(), { target: { value: 'jana@acme.de' } });
    expect(field().getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/Not a valid e-mail address/)).toBeNull();

    submit('down@acme.de');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText(/is off the list|is not on the list/)).toBeNull();
  });

  test('German strings come from the same table', async () => {
    renderWithApi(<NeverSuggestSection />, fakeList(['jana@acme.de']), 'de');
    expect(await screen.findByText('Adressen darauf: 1.')).toBeTruthy();
    const input = screen.getByLabelText('Adresse wieder zulassen') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'jana@acme.de' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wieder zulassen' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Entfernt: jana@acme.de steht nicht mehr auf der Liste. Eine Person wird wieder vorgeschlagen, sobald keine ihrer Adressen mehr darauf steht.',
      ),
    );
  });
});
