// Building an Intl formatter costs far more than using one, so each is built once per
// locale and options and kept for the life of the page, as @internationalized/number does.

const currencyFormatters = new Map<string, Intl.NumberFormat | null>();
const dateFormatters = new Map<string, Intl.DateTimeFormat | null>();

/**
 * Builds with the locale asked for, else the platform's default locale (a malformed locale
 * tag must not blank the page), else null (an unknown currency code such as "X1").
 */
function cached<Formatter>(
  cache: Map<string, Formatter | null>,
  key: string,
  locale: string | undefined,
  build: (locale: string | undefined) => Formatter,
): Formatter | null {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let formatter: Formatter | null = null;
  for (const candidate of locale === undefined ? [undefined] : [locale, undefined]) {
    try {
      formatter = build(candidate);
      break;
    } catch {
      // RangeError: try the next candidate.
    }
  }
  cache.set(key, formatter);
  return formatter;
}

/**
 * The cached `Intl.NumberFormat` for money in `currency`, with that currency's own digits
 * (JPY 0, KWD 3); null when the platform cannot format the currency. `undefined` locale is
 * the platform's default, which is the browser's language on the client and safe on a server.
 *
 * @example getCurrencyFormatter('de-DE', 'EUR')?.format(0.1) // "0,10 €"
 */
export function getCurrencyFormatter(locale: string | undefined, currency: string): Intl.NumberFormat | null {
  return cached(currencyFormatters, `${locale ?? ''}\u0000${currency}`, locale, (candidate) =>
    new Intl.NumberFormat(candidate, { style: 'currency', currency }),
  );
}

/**
 * The cached `Intl.DateTimeFormat` for refund dates (medium date style) in `locale`, in
 * `timeZone` (an IANA name such as "Europe/Berlin"); the runtime's own time zone without one,
 * or for a name the platform does not know.
 *
 * @example
 * getDateFormatter('en-GB', 'Europe/London')?.format(new Date(refund.createdAt)) // "15 Jan 2024"
 */
export function getDateFormatter(locale: string | undefined, timeZone?: string): Intl.DateTimeFormat | null {
  const formatter = cached(dateFormatters, `${locale ?? ''}\u0000${timeZone ?? ''}`, locale, (candidate) =>
    new Intl.DateTimeFormat(candidate, { dateStyle: 'medium', timeZone }),
  );
  return formatter ?? (timeZone === undefined ? null : getDateFormatter(locale));
}

/**
 * An amount in its currency for `locale`, or plainly ("NaN X1") when the platform cannot
 * format it: a refund list never throws over one odd row.
 *
 * @example formatMoney(500, 'JPY', 'ja-JP') // "￥500"
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const formatter = Number.isFinite(amount) ? getCurrencyFormatter(locale, currency) : null;
  return formatter ? formatter.format(amount) : `${amount} ${currency}`;
}

/**
 * The minor digits of a currency as the platform knows them (USD 2, JPY 0, KWD 3), or undefined.
 *
 * @example
 * currencyDigits('KWD') // 3
 * currencyDigits('JPY') // 0
 */
export function currencyDigits(currency: string): number | undefined {
  return getCurrencyFormatter('en', currency)?.resolvedOptions().maximumFractionDigits;
}

/**
 * An ISO date as words for `locale`, on its day in `timeZone` (default: the runtime's), or the
 * string as sent when it is not a date.
 *
 * @example formatDate('2024-01-15T23:30:00.000Z', 'en-US', 'Asia/Tokyo') // "Jan 16, 2024"
 */
export function formatDate(value: string, locale?: string, timeZone?: string): string {
  const time = Date.parse(value);
  const formatter = Number.isNaN(time) ? null : getDateFormatter(locale, timeZone);
  return formatter ? formatter.format(time) : value;
}
