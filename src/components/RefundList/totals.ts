import type { Refund } from '../../core/schema';
import { currencyDigits } from '../../i18n/formatters';

/**
 * The refunded amount in one currency, as {@link totalsByCurrency} returns it.
 *
 * @example
 * ```tsx
 * const totals: CurrencyTotal[] = totalsByCurrency(session.refunds ?? []);
 * <ul>
 *   {totals.map(({ currency, amount }) => (
 *     <li key={currency}>{formatMoney(amount, currency, 'en-US')}</li>
 *   ))}
 * </ul>;
 * ```
 */
export interface CurrencyTotal {
  currency: string;
  amount: number;
}

// A currency the platform cannot format has no known minor unit: millionths keep the decimals
// an API plausibly sends, and sums stay exact integers up to billions.
const UNKNOWN_CURRENCY_SCALE = 10 ** 6;

// Money that never moved does not count towards what the shopper gets back.
const UNCOUNTED_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'CANCELED']);

/**
 * The sum per currency, in first-seen order, of refunds that did not fail or get canceled.
 * Sums in minor units so 45.01 + 12.5 is 57.51, not 57.510000000000005; past what minor units
 * hold exactly (2^53), as plain amounts, which stay finite where minor units would overflow.
 *
 * @example
 * totalsByCurrency(mixedCurrencyRefunds)
 * // [{ currency: 'USD', amount: 45.01 }, { currency: 'JPY', amount: 500 }]: the failed KWD and the canceled EUR do not count
 */
export function totalsByCurrency(refunds: readonly Refund[]): CurrencyTotal[] {
  const minorUnits = new Map<string, { units: number; scale: number; plain: number }>();
  for (const refund of refunds) {
    if (UNCOUNTED_STATUSES.has(refund.status)) continue;
    const currency = refund.currency.toUpperCase();
    let entry = minorUnits.get(currency);
    if (entry === undefined) {
      const digits = currencyDigits(currency);
      entry = { units: 0, scale: digits === undefined ? UNKNOWN_CURRENCY_SCALE : 10 ** digits, plain: 0 };
      minorUnits.set(currency, entry);
    }
    entry.units += Math.round(refund.amount * entry.scale);
    entry.plain += refund.amount;
  }
  return Array.from(minorUnits, ([currency, { units, scale, plain }]) => ({
    currency,
    amount: Number.isSafeInteger(units) ? units / scale : plain,
  }));
}
