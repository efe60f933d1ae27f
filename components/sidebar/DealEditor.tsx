import { useState } from 'preact/hooks';
import type { Deal } from '@/lib/pipeline';
import type { DealEdit } from '@/lib/pipeline/deal-edit';
import { useAction, useApi } from '../api';
import { useT } from '../i18n';
import { EditorForm, SaveError } from './form';
import { AmountField, parseAmount, useMoneyInput } from './AmountField';

const dayOf = (ms: number | undefined) => {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * A deal's own fields: title, value and currency, next action and its due date. Empty value or
 * next action clears it. Enter saves, Escape cancels; the background validates and checks the
 * version. Deleting asks first, in place.
 */
export function DealEditor({ deal, onDone, onReload }: { deal: Deal; onDone(): void; onReload(): void }) {
  const { send } = useApi();
  const t = useT();
  const action = useAction();
  const [title, setTitle] = useState(deal.title);
  const [money, setMoney] = useMoneyInput(deal.value);
  const [next, setNext] = useState(deal.nextAction?.text ?? '');
  const [due, setDue] = useState(dayOf(deal.nextAction?.due));
  const [confirmDelete, setConfirmDelete] = useState(false);

  const save = async () => {
    // A value that is no number reaches the background, whose validation says what is wrong.
    const amount = parseAmount(money.amount);
    const edit: DealEdit = {
      title,
      value: amount === undefined ? null : { amount, currency: money.currency },
      nextAction: next.trim() && due ? { text: next.trim(), due: new Date(`${due}T09:00`).getTime() } : null,
    };
    const done = await action.run(() =>
      send('deals/edit', { dealId: deal.id, expectedVersion: deal.version, edit }),
    );
    if (done) onDone();
  };
  const remove = async () => {
    const done = await action.run(() =>
      send('deals/delete', { dealId: deal.id, expectedVersion: deal.version }),
    );
    if (done) onDone();
  };

  return (
    <EditorForm
      label={t('editDeal')}
      onSubmit={() => void save()}
      onCancel={onDone}
      busy={action.busy}
      extraActions={
        <button type="button" class="link danger" onClick={() => setConfirmDelete(true)}>
          {t('deleteDeal')}
        </button>
      }
    >
      <label>
        {t('dealTitle')}
        <input
          dir="auto"
          value={title}
          required
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
        />
      </label>
      <AmountField label={t('dealValue')} money={money} onChange={setMoney} />
      <div class="row">
        <label>
          {t('nextActionText')}
          <input dir="auto" value={next} onInput={(e) => setNext((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('dueOn')}
          <input type="date" value={due} onInput={(e) => setDue((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <SaveError error={action.error} what="conflict" onReload={() => (action.clear(), onReload())} />
      {confirmDelete && (
        <div role="alertdialog" aria-label={t('deleteDeal')} class="confirm">
          <p>{t('deleteDealConfirm')}</p>
          <button type="button" class="danger" disabled={action.busy} onClick={() => void remove()}>
            {t('delete')}
          </button>
          <button type="button" onClick={() => setConfirmDelete(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </EditorForm>
  );
}
