// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
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
      'jobs/list': () => [],
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
      'data/upload': ({ index }) => ({ pieces: index + 1, chars: 0 }),
      'data/import-csv': () => ({
        created: 1,
        merged: 0,
        errors: [{ line: 3, message: 'Not a valid email address: nope' }],
        written: true,
        suppressed: 2,
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
    expect(screen.getByText('Skipped because they are on your never-suggest list: 2.')).toBeTruthy();
    // The file goes in pieces (one here), then the import names the upload.
    const upload = calls.find((c) => c.type === 'data/upload')!.payload as { id: string; text: string };
    expect(upload.text).toBe('E-Mail,Vorname\njane@acme.de,Jane\nnope,Bob');
    expect(calls.find((c) => c.type === 'data/import-csv')).toMatchObject({
      type: 'data/import-csv',
      payload: {
        upload: upload.id,
        mode: 'all-or-nothing',
        mapping: ['email', 'firstName'],
        fileName: 'c.csv',
      },
    });
  });

  test('a vCard import says how many cards were left out for the never-suggest list', async () => {
    renderWithApi(<DataSection />, {
      'data/upload': ({ index }) => ({ pieces: index + 1, chars: 0 }),
      'data/import-vcard': () => ({ created: 2, merged: 0, errors: [], skipped: 0, suppressed: 1 }),
      'jobs/list': () => [],
    });
    const input = document.querySelector('input[accept=".vcf,.json,text/vcard"]') as HTMLInputElement;
    const file = new File(['BEGIN:VCARD\r\nEND:VCARD\r\n'], 'c.vcf', { type: 'text/vcard' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(
      await screen.findByText(
        'vCard: 2 new, 0 merged, 0 skipped, 0 unreadable. Skipped because they are on your never-suggest list: 1.',
      ),
    ).toBeTruthy();
  });

  test('a worker stopped mid-import is no error: the import resumes and its progress shows', async () => {
    const { emit } = renderWithApi(<DataSection />, {
      'data/upload': ({ index }) => ({ pieces: index + 1, chars: 0 }),
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

  test('a backup is fetched in pieces and saved whole', async () => {
    const parts: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => (parts.push(blob), 'blob:x'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const file = '{"format":"pipeline-scout-backup"}';
    const { calls } = renderWithApi(<DataSection />, {
      'data/backup': () => ({
        result: { id: 'r1', chars: file.length },
        counts: { contacts: 2, deals: 1, activities: 0 },
      }),
      'data/result': ({ offset }) => ({
        text: file.slice(offset, offset + 10),
        ...(offset + 10 < file.length ? { next: offset + 10 } : {}),
      }),
      'jobs/list': () => [],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download backup' }));
    expect(await screen.findByText('Backup: 2 contacts, 1 deals, 0 activities.')).toBeTruthy();
    expect(calls.find((c) => c.type === 'data/backup')?.payload).toEqual({ inPieces: true });
    expect(
      calls.filter((c) => c.type === 'data/result').map((c) => (c.payload as { offset: number }).offset),
    ).toEqual([0, 10, 20, 30]);
    expect(await parts[0]!.text()).toBe(file);
    clicks.mockRestore();
  });

  test('a cancelled restore is no error: the progress panel says the data are as before', async () => {
    const { emit } = renderWithApi(<DataSection />, {
      'data/upload': ({ index }) => ({ pieces: index + 1, chars: 0 }),
      'data/restore-plan': () => ({
        summary: { contacts: { add: 0, replace: 2, remove: 1 } } as never,
        exportedAt: '2026-11-01T10:00:00.000Z',
      }),
      'data/restore': () => {
        throw new RemoteError('cancelled', 'Cancelled: nothing was changed.');
      },
      'jobs/list': () => [],
    });
    const input = document.querySelector('input[accept=".json,application/json"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'b.json')], configurable: true });
    fireEvent.change(input);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    emit({
      kind: 'job',
      job: jobFixture({ id: 'task-1', kind: 'restore', state: 'cancelled', total: 9, done: 4 }),
    });
    expect(await screen.findByText('Cancelled: your data is exactly as before.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('closing the restore dialog lets the worker drop the picked backup', async () => {
    const { calls } = renderWithApi(<DataSection />, {
      'data/upload': ({ index }) => ({ pieces: index + 1, chars: 0 }),
      'data/restore-plan': () => ({
        summary: { contacts: { add: 1, replace: 0, remove: 0 } } as never,
        exportedAt: '2026-11-30T06:00:00.000Z',
      }),
      'data/upload-drop': () => ({ dropped: true as const }),
      'jobs/list': () => [],
    });
    const input = document.querySelector('input[accept=".json,application/json"]') as HTMLInputElement;
    const file = new File(['{"format":2}'], 'b.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const dialog = await screen.findByRole('dialog');
    const upload = calls.find((c) => c.type === 'data/upload')!.payload as { id: string };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.type === 'data/upload-drop')).toEqual([
        { type: 'data/upload-drop', payload: { id: upload.id } },
      ]),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
