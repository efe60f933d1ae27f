import { useState } from 'preact/hooks';
import { CSV_FIELDS, guessMapping, parseCsv, type CsvMapping } from '@/lib/io/csv';
import type { KeptResult, ResponseMap } from '@/lib/messages';
import { useAction, useApi } from '../api';
import { ErrorState } from '../States';
import { useT } from '../i18n';
import { download } from './download';
import { FilePicker } from './FilePicker';
import { JobProgress } from './JobProgress';
import { fetchResult, readHead, uploadFile } from './transfer';

/** A worker stopped mid-import answers no more; its job resumes on the next wake and JobProgress shows it. */
const unlessStopped = (error: unknown) => {
  if ((error as { code?: string }).code === 'unreachable') return undefined;
  throw error;
};

/** A cancelled backup, restore or export is no error: JobProgress says it was cancelled. */
const unlessCancelled = (error: unknown) => {
  if ((error as { code?: string }).code === 'cancelled') return undefined;
  throw error;
};

const stamp = () => new Date().toISOString().slice(0, 10);

/** Backup and restore (with a dry run), CSV import with mapping and preview, exports, delete all. */
export function DataSection() {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [message, setMessage] = useState<string>();
  const [restore, setRestore] = useState<{ upload: string; plan: ResponseMap['data/restore-plan'] }>();
  const [csv, setCsv] = useState<{
    file: File;
    headers: string[];
    preview: string[][];
    mapping: CsvMapping;
  }>();
  const [mode, setMode] = useState<'all-or-nothing' | 'valid-rows'>('all-or-nothing');
  const [confirm, setConfirm] = useState('');
  const [report, setReport] = useState<ResponseMap['data/import-csv']>();

  /** A file the background made, fetched in pieces (its progress and Cancel show in JobProgress). */
  const save = async (name: string, type: string, r: { text?: string; result?: KeptResult }) => {
    const content = r.result ? await fetchResult(send, r.result, type) : (r.text ?? '');
    download(name, content, type);
  };

  const exportAs = (kind: 'csv' | 'vcard') =>
    action.run(async () => {
      setMessage(undefined);
      const type = kind === 'csv' ? 'text/csv' : 'text/vcard';
      const r = await (
        kind === 'csv'
          ? send('data/export-csv', { inPieces: true }).then((x) => ({ ...x, text: x.csv }))
          : send('data/export-vcard', { inPieces: true }).then((x) => ({ ...x, text: x.vcard }))
      ).catch(unlessCancelled);
      if (!r) return;
      await save(`pipeline-scout-contacts-${stamp()}.${kind === 'csv' ? 'csv' : 'vcf'}`, type, r);
      setMessage(t('dataExported', { count: r.count, format: kind === 'csv' ? 'CSV' : 'vCard 4.0' }));
    });

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('data')}</h2>
      {action.error && <ErrorState error={action.error} />}
      {message && (
        <p role="status" class="ok">
          {message}
        </p>
      )}
      <JobProgress />
      <div class="actions wrap">
        <button
          type="button"
          onClick={() =>
            action.run(async () => {
              setMessage(undefined);
              const r = await send('data/backup', { inPieces: true }).catch(unlessCancelled);
              if (!r) return;
              await save(`pipeline-scout-backup-${stamp()}.json`, 'application/json', { ...r, text: r.json });
              setMessage(t('dataBackupDone', r.counts));
            })
          }
        >
          {t('dataDownloadBackup')}
        </button>
        <FilePicker
          label={t('dataRestoreBackup')}
          accept=".json,application/json"
          onFile={(file) =>
            action.run(async () => {
              const upload = await uploadFile(send, file);
              setRestore({ upload, plan: await send('data/restore-plan', { upload }) });
            })
          }
        />
        <button type="button" onClick={() => exportAs('csv')}>
          {t('dataExportCsv')}
        </button>
        <button type="button" onClick={() => exportAs('vcard')}>
          {t('dataExportVcard')}
        </button>
        <FilePicker
          label={t('dataImportVcard')}
          accept=".vcf,.json,text/vcard"
          onFile={(file) =>
            action.run(async () => {
              const upload = await uploadFile(send, file);
              const r = await send('data/import-vcard', { upload, fileName: file.name }).catch(unlessStopped);
              if (!r) return;
              const done = t('dataVcardDone', {
                created: r.created,
                merged: r.merged,
                skipped: r.skipped,
                unreadable: r.errors.length,
              });
              setMessage(r.suppressed ? `${done} ${t('dataSuppressedRows', { count: r.suppressed })}` : done);
            })
          }
        />
        <FilePicker
          label={t('dataImportCsv')}
          accept=".csv,text/csv"
          onFile={(file) =>
            action.run(async () => {
              // Only the head of the file: a 100,000-row file is read in pieces and parsed by the background.
              const parsed = parseCsv(await readHead(file), { preview: 6 });
              setReport(undefined);
              setCsv({
                file,
                headers: parsed.headers,
                preview: parsed.rows.slice(0, 5).map((r) => r.cells),
                mapping: guessMapping(parsed.headers),
              });
            })
          }
        />
      </div>

      {restore && (
        <div class="panel" role="dialog" aria-label={t('dataRestoreTitle')}>
          <p>{t('dataRestoreFrom', { date: restore.plan.exportedAt })}</p>
          <ul>
            {Object.entries(restore.plan.summary).map(([store, s]) => (
              <li key={store}>
                {t('dataRestoreLine', { store, add: s.add, replace: s.replace, remove: s.remove })}
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="primary"
            onClick={() =>
              action.run(async () => {
                setRestore(undefined);
                setMessage(undefined);
                const r = await send('data/restore', { upload: restore.upload }).catch(unlessCancelled);
                if (!r) return;
                setMessage(
                  t('dataRestored', { contacts: r.restored.contacts ?? 0, deals: r.restored.deals ?? 0 }),
                );
              })
            }
          >
            {t('dataRestore')}
          </button>
          <button
            type="button"
            onClick={() => {
              // The worker holds the picked backup for this dialog: closing it lets it go.
              void send('data/upload-drop', { id: restore.upload }).catch(() => undefined);
              setRestore(undefined);
            }}
          >
            {t('cancel')}
          </button>
        </div>
      )}

      {csv && (
        <div class="panel" aria-label={t('dataCsvImport')}>
          <table class="mapping">
            <thead>
              <tr>
                {csv.headers.map((h, i) => (
                  <th key={i} scope="col">
                    <span dir="auto">{h}</span>
                    <select
                      aria-label={t('dataFieldFor', { header: h })}
                      value={csv.mapping[i] ?? ''}
                      onChange={(e) => {
                        const mapping = [...csv.mapping];
                        mapping[i] = ((e.target as HTMLSelectElement).value || null) as CsvMapping[number];
                        setCsv({ ...csv, mapping });
                      }}
                    >
                      <option value="">{t('dataSkipColumn')}</option>
                      {CSV_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {f}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {csv.preview.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} dir="auto">
                      {cell.slice(0, 80)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <label class="inline">
            <input
              type="radio"
              name="mode"
              checked={mode === 'all-or-nothing'}
              onChange={() => setMode('all-or-nothing')}
            />{' '}
            {t('dataAllOrNothing')}
          </label>
          <label class="inline">
            <input
              type="radio"
              name="mode"
              checked={mode === 'valid-rows'}
              onChange={() => setMode('valid-rows')}
            />{' '}
            {t('dataValidRows')}
          </label>
          <button
            type="button"
            class="primary"
            onClick={() =>
              action.run(async () => {
                const upload = await uploadFile(send, csv.file);
                const r = await send('data/import-csv', {
                  upload,
                  mode,
                  mapping: csv.mapping,
                  fileName: csv.file.name,
                }).catch(unlessStopped);
                if (!r) return setCsv(undefined);
                setReport(r);
                if (r.written) setCsv(undefined);
              })
            }
          >
            {t('dataImport')}
          </button>
          <button type="button" onClick={() => setCsv(undefined)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {report && (
        <div class={report.errors.length ? 'error' : 'ok'} role="status">
          <p>
            {report.written
              ? t('dataImported', { created: report.created, merged: report.merged })
              : t('dataNothingImported')}{' '}
            {t('dataBrokenRows', { count: report.errors.length })}
          </p>
          {report.suppressed > 0 && <p>{t('dataSuppressedRows', { count: report.suppressed })}</p>}
          <ul>
            {report.errors.slice(0, 20).map((e) => (
              <li key={`${e.line}:${e.message}`}>{t('dataLine', { line: e.line, message: e.message })}</li>
            ))}
          </ul>
        </div>
      )}

      <div class="danger">
        <label>
          {t('dataDeleteLabel')}{' '}
          <input value={confirm} onInput={(e) => setConfirm((e.target as HTMLInputElement).value)} />
        </label>
        <button
          type="button"
          disabled={confirm !== 'DELETE'}
          onClick={() =>
            action.run(async () => {
              await send('data/delete-all', { confirm: 'DELETE' });
              setConfirm('');
              setMessage(t('dataDeleted'));
            })
          }
        >
          {t('dataDeleteAll')}
        </button>
      </div>
    </section>
  );
}
