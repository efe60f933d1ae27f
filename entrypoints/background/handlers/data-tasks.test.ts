import { describe, expect, test } from 'vitest';
import { countContacts, readSnapshot, upsertContacts } from '@/lib/db';
import { PIECE_CHARS } from '@/lib/io/parcels';
import type { AppEvent } from '@/lib/messages/events';
import type { RequestContext } from '../router';
import { setup } from './test-services';
import { workerTasks } from '../tasks';

const page: RequestContext = { context: 'page' };

async function withBook(n: number) {
  const s = await setup();
  await upsertContacts(
    s.store,
    Array.from({ length: n }, (_, i) => ({ name: `Kim Lee${i}`, emails: [`k${i}@firma${i % 100}.de`] })),
  );
  return s;
}

/** Sends a text as the options page does: in pieces, then names the upload. */
async function upload(h: Awaited<ReturnType<typeof setup>>['h'], text: string, id = 'u1') {
  for (let index = 0, at = 0; at < text.length || index === 0; index++, at += PIECE_CHARS)
    await h['data/upload']({ id, index, text: text.slice(at, at + PIECE_CHARS) }, page);
  return id;
}

/** Fetches a kept result piece by piece. */
async function fetchAll(h: Awaited<ReturnType<typeof setup>>['h'], id: string) {
  let text = '';
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const piece = await h['data/result']({ id, offset }, page);
    text += piece.text;
    offset = piece.next;
  }
  return text;
}

describe('backup, restore and exports as tasks with progress and cancel', () => {
  test('a backup fetched in pieces is the same file; its progress reached open pages', async () => {
    const { h, jobEvents } = await withBook(3_000);
    const whole = await h['data/backup']({}, page);
    const inPieces = await h['data/backup']({ inPieces: true }, page);
    expect(inPieces.json).toBeUndefined();
    const json = await fetchAll(h, inPieces.result!.id);
    expect(json.length).toBeGreaterThan(PIECE_CHARS);
    expect({ ...JSON.parse(json), exportedAt: 0 }).toEqual({ ...JSON.parse(whole.json!), exportedAt: 0 });
    const backups = jobEvents.filter((j) => j.kind === 'backup');
    expect(backups.at(-1)).toMatchObject({ state: 'done', done: 3_000, total: 3_000 });
    expect((await h['jobs/list']({}, page)).filter((j) => j.kind === 'backup')).toHaveLength(2);
  });

  test('a restore from an upload replaces everything; cancelled at its last write it leaves the store as before', async () => {
    const { h, store, services } = await withBook(2_500);
    const { json } = await h['data/backup']({}, page);
    await upsertContacts(store, [{ name: 'Added later', emails: ['later@acme.io'] }]);
    const before = await readSnapshot(store);
    const id = await upload(h, json!);
    const plan = await h['data/restore-plan']({ upload: id }, page);
    expect(plan.summary.contacts).toEqual({ add: 0, replace: 2_500, remove: 1 });
    // The rep presses Cancel once every record is written, before the transaction commits.
    const broadcast = services.broadcast;
    services.broadcast = (event: Exclude<AppEvent, { kind: 'changed' }>) => {
      broadcast(event);
      if (
        event.kind === 'job' &&
        event.job.kind === 'restore' &&
        event.job.state === 'running' &&
        event.job.done > 0
      )
        void h['jobs/cancel']({ id: event.job.id }, page);
    };
    await expect(h['data/restore']({ upload: id }, page)).rejects.toMatchObject({ code: 'cancelled' });
    expect(await readSnapshot(store)).toEqual(before);
    // A cancelled restore keeps no upload in the worker; the file sent again restores.
    await expect(h['data/restore']({ upload: id }, page)).rejects.toThrow(/gone/);
    services.broadcast = broadcast;
    expect((await h['data/restore']({ upload: await upload(h, json!) }, page)).restored.contacts).toBe(2_500);
    await expect(h['data/restore']({ upload: id }, page)).rejects.toThrow(/gone/);
    expect(await countContacts(store)).toBe(2_500);
  });

  test('CSV and vCard exports read in pages and come out in pieces, equal to the whole answer', async () => {
    const { h, jobEvents } = await withBook(4_500);
    const csv = await h['data/export-csv']({ inPieces: true }, page);
    expect(await fetchAll(h, csv.result!.id)).toBe((await h['data/export-csv']({}, page)).csv);
    const vcard = await h['data/export-vcard']({ inPieces: true }, page);
    expect(await fetchAll(h, vcard.result!.id)).toBe((await h['data/export-vcard']({}, page)).vcard);
    expect(csv.count).toBe(4_500);
    expect(jobEvents.filter((j) => j.kind === 'export-csv').at(-1)).toMatchObject({
      state: 'done',
      total: 4_500,
    });
  });

  test('an import can name an upload instead of carrying the file', async () => {
    const { h, store } = await setup();
    const csv = ['Email,Name']
      .concat(Array.from({ length: 30 }, (_, i) => `p${i}@firma.de,P ${i}`))
      .join('\n');
    const report = await h['data/import-csv']({ upload: await upload(h, csv), mode: 'valid-rows' }, page);
    expect(report).toMatchObject({ created: 30, written: true });
    expect(await countContacts(store)).toBe(30);
    // The upload is used once.
    await expect(h['data/import-csv']({ upload: 'u1', mode: 'valid-rows' }, page)).rejects.toThrow(/gone/);
  });

  test('no upload stays behind: a backup that cannot be restored, a closed restore dialog, a failed import', async () => {
    const { h, services } = await withBook(3);
    const { parcels } = workerTasks(services);
    await expect(
      h['data/restore-plan']({ upload: await upload(h, '{"not":"a backup"}') }, page),
    ).rejects.toThrow();
    expect(parcels.held()).toBe(0);

    const { json } = await h['data/backup']({}, page);
    const id = await upload(h, json!, 'u2');
    await h['data/restore-plan']({ upload: id }, page);
    expect(parcels.held()).toBe(json!.length);
    // The rep closes the dialog.
    expect(await h['data/upload-drop']({ id }, page)).toEqual({ dropped: true });
    expect(parcels.held()).toBe(0);

    await h['data/import-vcard']({ upload: await upload(h, 'not a vcard', 'u3') }, page).catch(
      () => undefined,
    );
    await h['data/import-csv'](
      { upload: await upload(h, 'no,header\n', 'u4'), mode: 'valid-rows' },
      page,
    ).catch(() => undefined);
    expect(parcels.held()).toBe(0);
  });
});
