import {
  currencyDigits,
  formatDate,
  formatMoney,
  getCurrencyFormatter,
  getDateFormatter,
} from '../../src/i18n/formatters';
import { render } from '@testing-library/react';
import { RefundList } from '../../src/components/RefundList/RefundList';
import { makeRefund } from '../../src/testing';

describe('formatMoney', () => {
  it.each([
    [45.01, 'USD', 'en-US', '$45.01'],
    [500, 'JPY', 'en-US', '¥500'],
    [1.234, 'KWD', 'en-US', 'KWD\u00a01.234'],
    [0.1, 'EUR', 'de-DE', '0,10\u00a0€'],
    [500, 'JPY', 'ja-JP', '￥500'],
  ])('formats %s %s for %s as "%s"', (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it.each([
    [12.5, 'X1', '12.5 X1'],
    [Number.NaN, 'USD', 'NaN USD'],
    [Number.POSITIVE_INFINITY, 'EUR', 'Infinity EUR'],
  ])('shows %s %s plainly instead of throwing', (amount, currency, expected) => {
    expect(formatMoney(amount, currency, 'en-US')).toBe(expected);
  });

  it('formats with the default locale when given none', () => {
    expect(formatMoney(45.01, 'USD')).toMatch(/45[.,]01/);
  });
});

describe('formatDate', () => {
  it('formats an ISO date for the locale', () => {
    expect(formatDate('2024-01-15T11:00:00.000Z', 'en-US')).toBe('Jan 15, 2024');
    expect(formatDate('2024-01-15T11:00:00.000Z', 'de-DE')).toBe('15.01.2024');
  });

  it('shows a string that is not a date as sent', () => {
    expect(formatDate('not a date', 'en-US')).toBe('not a date');
  });

  it('writes a date on its day in the time zone asked for', () => {
    expect(formatDate('2024-01-15T23:30:00.000Z', 'en-US', 'Asia/Tokyo')).toBe('Jan 16, 2024');
    expect(formatDate('2024-01-15T23:30:00.000Z', 'en-US', 'America/Los_Angeles')).toBe('Jan 15, 2024');
  });

  it('writes a date in the runtime’s time zone when the platform does not know the zone asked for', () => {
    expect(formatDate('2024-01-15T23:30:00.000Z', 'en-US', 'Mars/Olympus_Mons')).toBe(
      formatDate('2024-01-15T23:30:00.000Z', 'en-US'),
    );
  });
});

describe('formatter cache', () => {
  it('reuses the same number formatter for the same locale and currency', () => {
    const first = getCurrencyFormatter('en-GB', 'GBP');
    expect(first).toBeInstanceOf(Intl.NumberFormat);
    expect(getCurrencyFormatter('en-GB', 'GBP')).toBe(first);
    expect(getCurrencyFormatter('en-GB', 'USD')).not.toBe(first);
  });

  it('reuses the same date formatter for the same locale and time zone', () => {
    expect(getDateFormatter('fr-FR')).toBe(getDateFormatter('fr-FR'));
    expect(getDateFormatter('fr-FR', 'Europe/Paris')).toBe(getDateFormatter('fr-FR', 'Europe/Paris'));
    expect(getDateFormatter('fr-FR', 'Europe/Paris')).not.toBe(getDateFormatter('fr-FR'));
  });

  it('remembers that a currency cannot be formatted', () => {
    expect(getCurrencyFormatter('en-US', 'X1')).toBeNull();
    expect(getCurrencyFormatter('en-US', 'X1')).toBeNull();
  });

  it('builds no formatter per row or per render', () => {
    const refunds = Array.from({ length: 50 }, (_, index) => makeRefund({ amount: index, currency: 'CHF' }));
    const { rerender } = render(<RefundList refunds={refunds} locale="fr-CH" />);
    const NumberFormat = vi.spyOn(Intl, 'NumberFormat');
    const DateTimeFormat = vi.spyOn(Intl, 'DateTimeFormat');
    rerender(<RefundList refunds={[...refunds]} locale="fr-CH" />);
    expect(NumberFormat).not.toHaveBeenCalled();
    expect(DateTimeFormat).not.toHaveBeenCalled();
    // The spy does see construction: a new currency builds exactly one formatter.
    getCurrencyFormatter('fr-CH', 'SEK');
    expect(NumberFormat).toHaveBeenCalledTimes(1);
    NumberFormat.mockRestore();
    DateTimeFormat.mockRestore();
  });

  it('reads a currency’s minor digits', () => {
    expect([currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('KWD'), currencyDigits('X1')]).toEqual([
      2,
      0,
      3,
      undefined,
    ]);
  });
});
