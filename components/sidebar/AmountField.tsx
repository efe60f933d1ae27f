import { useState } from 'preact/hooks';
import type { Deal } from '@/lib/pipeline';
import { useT } from '../i18n';

/** The currencies offered first; a deal's own currency is always offered too. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK'];

/** What an amount may look like: digits, and a decimal part after a point or a comma. */
const AMOUNT = /^\s*\d+([.,]\d+)?\s*$/;

/** The typed amount: undefined when empty, NaN when it is no number ("48000,50" reads as 48000.5). */
export function parseAmount(text: string): number | undefined {
  if (!text.trim()) return undefined;
  return AMOUNT.test(text) ? Number(text.trim().replace(',', '.')) : Number.NaN;
}

export interface MoneyInput {
  amount: string;
  currency: string;
}

/** The amount and currency being typed, starting from the deal's value (EUR when it has none). */
export function useMoneyInput(value: Deal['value']) {
  return useState<MoneyInput>({
    amount: value ? String(value.amount) : '',
    currency: value?.currency ?? 'EUR',
  });
}

/** An amount and its currency, side by side, each with its own label. */
export function AmountField({
  label,
  money,
  onChange,
  required = false,
}: {
  label: string;
  money: MoneyInput;
  onChange(next: MoneyInput): void;
  required?: boolean;
}) {
  const t = useT();
  return (
    <div class="row amount-field">
      <label>
        {label}
        <input
          inputMode="decimal"
          pattern={AMOUNT.source}
          title={t('amountHint')}
          value={money.amount}
          required={required}
          onInput={(e) => onChange({ ...money, amount: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label>
        {t('currency')}
        <select
          value={money.currency}
          onChange={(e) => onChange({ ...money, currency: (e.target as HTMLSelectElement).value })}
        >
          {[...new Set([money.currency, ...CURRENCIES])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
