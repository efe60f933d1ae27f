// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { RemoteError } from '@/lib/messages';
import { jobFixture } from '@/lib/io/job-fixture';
import { renderWithApi } from '../test-utils';
import { DataSection } from './DataSection';

describe('data section', () => {
  test('exports CSV and vCard as downloads', async () => {
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithApi(<DataSection />, {
      'data/export-csv': () => ({ csv: 'First Name\r\nJane', count: 1 }),
      'data/export-vcard': () => ({ vcard: 'BEGIN:VCARD', count: 1 }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exported 1 contacts as CSV.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export vCard' }));
    expect(await screen.findByText('Exported 1 contacts as vCard 4.0.')).toBeTruthy();
    expect(clicks).toHaveBeenCalledTimes(2);
    clicks.mockRestore();
  });

  test('delete everything needs the word DELETE', async () => {
    const { calls } = renderWithApi(<DataSection />, {
      'data/delete-all': () => ({ deleted: true as const }),
      'jobs/list': () => [],
    });
    const button = screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/Type DELETE/), { target: { value: 'delete' } });
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/Type DELETE/), { target: { value: 'DELETE' } });
    fireEvent.click(button);
    await waitFor(() =>
      expect(calls.filter((c) => c.type !== 'jobs/list')).toEqual([
        { type: 'data/delete-all', payload: { confirm: 'DELETE' } },
      ]),
    );
  });

  test('a CSV import shows the guessed mapping and a preview, then reports broken rows by line', async () => {
    const { calls } = renderWithApi(<DataSection />, {
      'data/import-csv': () => ({
        created: 1,
        merged: 0,
        errors: [{ line: 3, message: 'Not a valid email address: nope' }],
        written: true,
      }),
      'jobs/list': () => [],
    });
    const input = document.querySelector(
      'label.file:nth-of-type(3) input, input[accept=".csv,text/csv"]',
    ) as HTMLInputElement;
    const file = new File(['E-Mail,Vorname\njane@acme.de,Jane\nnope,Bob'], 'c.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const select = (await screen.findByLabelText('Field for E-Mail')) as HTMLSelectElement;
    expect(select.value).toBe('email');
    expect((screen.getByLabelText('Field for Vorname') as HTMLSelectElement).value).toBe('firstName');
    expect(screen.getByText('jane@acme.de')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Line 3: Not a valid email address: nope')).toBeTruthy();
    expect(calls.find((c) => c.type === 'data/import-csv')).toMatchObject({
      type: 'data/import-csv',
      payload: { mode: 'all-or-nothing', mapping: ['email', 'firstName'], fileName: 'c.csv' },
    });
  });

  test('a worker stopped mid-import is no error: the import resumes and its progress shows', async () => {
    const { emit } = renderWithApi(<DataSection />, {
      'data/import-csv': () => {
        throw new RemoteError('unreachable', 'Pipeline Scout’s background is not answering: stopped');
      },
      'jobs/list': () => [],
    });
    const input = document.querySelector('input[accept=".csv,text/csv"]') as HTMLInputElement;
    const file = new File(['Email\njane@acme.de'], 'c.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Import' })).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    emit({
      kind: 'job',
      job: jobFixture({ total: 10, done: 5, created: 5, updatedAt: 1_001 }),
    });
    expect(((await screen.findByRole('progressbar')) as HTMLProgressElement).value).toBe(5);
  });
});
