// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { renderWithApi } from '../test-utils';
import { AmountField, parseAmount, useMoneyInput } from './AmountField';

describe('parseAmount', () => {
  test('empty is no value; a point or a comma is the decimal separator; anything else is NaN', () => {
    expect(parseAmount('  ')).toBeUndefined();
    expect(parseAmount('48000')).toBe(48_000);
    expect(parseAmount(' 48000,50 ')).toBe(48_000.5);
    expect(parseAmount('48000.5')).toBe(48_000.5);
    for (const bad of ['-5', '1e3', '48 000', '12,5,0', 'abc', '0x10']) expect(parseAmount(bad)).toBeNaN();
  });
});

function Harness({ value, required }: { value?: { amount: number; currency: string }; required?: boolean }) {
  const [money, setMoney] = useMoneyInput(value);
  return (
    <>
      <AmountField label="Value" money={money} onChange={setMoney} required={required} />
      <output>{`${money.amount}|${money.currency}`}</output>
    </>
  );
}

describe('AmountField', () => {
  test('starts from the deal’s value; typing and choosing a currency change it', () => {
    renderWithApi(<Harness value={{ amount: 1200, currency: 'CHF' }} />, {});
    const amount = screen.getByLabelText('Value') as HTMLInputElement;
    expect(amount.value).toBe('1200');
    fireEvent.input(amount, { target: { value: '48000,50' } });
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'SEK' } });
    expect(screen.getByRole('status').textContent).toBe('48000,50|SEK');
  });

  test('no value: empty and EUR; a currency outside the list is still offered; the pattern matches parseAmount', () => {
    renderWithApi(<Harness required />, {});
    const amount = screen.getByLabelText('Value') as HTMLInputElement;
    expect(screen.getByRole('status').textContent).toBe('|EUR');
    expect(amount.required).toBe(true);
    const pattern = new RegExp(`^(?:${amount.pattern})$`);
    for (const text of ['48000', '48000,50', '1.5']) expect(pattern.test(text)).toBe(true);
    for (const text of ['-5', '1e3', 'abc']) expect(pattern.test(text)).toBe(false);
    expect(amount.title).toBe('A number, e.g. 48000 or 48000.50');
  });

  test('the deal’s own currency is offered even when it is not a usual one', () => {
    renderWithApi(<Harness value={{ amount: 5, currency: 'JPY' }} />, {}, 'de');
    const select = screen.getByLabelText('Währung') as HTMLSelectElement;
    expect(select.value).toBe('JPY');
    expect([...select.options].map((o) => o.value)).toContain('EUR');
  });
});
