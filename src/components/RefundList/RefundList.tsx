'use client';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Refund } from '../../core/schema';
import { useComponentI18n, type CheckoutI18n } from '../../i18n/context';
import { lookupLabel, type CheckoutLabels, type CheckoutComponentMessages } from '../../i18n/dictionary';
import { formatDate, formatMoney } from '../../i18n/formatters';
import { renderStatusBadge } from '../SessionStatusBadge/createStatusBadge';
import { REFUND_STATUS_BADGE } from './RefundStatusBadge';
import { totalsByCurrency } from './totals';
import { withClassName } from '../classNames';

/**
 * Props of {@link RefundList}, and any div prop.
 *
 * @example
 * ```tsx
 * // Shared by every page that lists refunds, so they all read alike.
 * const refundListDefaults: Omit<RefundListProps, 'refunds'> = {
 *   locale: 'en-GB',
 *   timeZone: 'Europe/London',
 *   emptyState: <p>No refunds yet.</p>,
 * };
 * <RefundList {...refundListDefaults} refunds={session.refunds} />;
 * ```
 */
export interface RefundListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  refunds: readonly Refund[] | null | undefined;
  /** BCP 47 locale for amounts and dates; default: the provider's, else the browser's. */
  locale?: string | undefined;
  /**
   * IANA time zone for the dates, e.g. "Europe/Berlin"; default: the provider's, else the
   * runtime's. Give the server and the browser the same one when you server-render.
   */
  timeZone?: string | undefined;
  labels?: CheckoutLabels | undefined;
  /** Shown instead of the list when there are no refunds. Default: "No refunds." */
  emptyState?: ReactNode;
}

/**
 * The failure reason, or null when the refund's status says nothing failed: the provider's own
 * example sends a PENDING refund with one. Same rule as the badge, so cell and badge agree.
 */
function shownFailureReason(refund: Refund) {
  return REFUND_STATUS_BADGE.withoutFailure.has(refund.status) ? null : refund.failureReason;
}

/**
 * One row, as a plain function with the list's words: lists run to thousands of rows, and a
 * component (and a context read) per row and per badge showed in the mount cost.
 */
function refundRow(
  key: string,
  refund: Refund,
  { locale, timeZone, messages }: CheckoutI18n<CheckoutComponentMessages>,
  withFailureReason: boolean,
) {
  const failureReason = shownFailureReason(refund);
  return (
    <tr key={key}>
      <td>{formatMoney(refund.amount, refund.currency, locale)}</td>
      <td>
        {/* Small through the list's CSS, not a data-size per row. */}
        {renderStatusBadge(REFUND_STATUS_BADGE, messages, { status: refund.status })}
      </td>
      <td>{refund.reason ? lookupLabel(messages.refundReason, refund.reason) : null}</td>
      {withFailureReason ? (
        <td>{failureReason ? lookupLabel(messages.failureReason, failureReason) : null}</td>
      ) : null}
      <td>{formatDate(refund.createdAt, locale, timeZone)}</td>
    </tr>
  );
}

/**
 * A session's refunds as a table a screen reader can walk: each with its amount in its own
 * currency and digits (USD 45.01, JPY 500, KWD 1.234) for `locale`, its status as a badge,
 * reason in words, failure reason in words where its status can have one, and its date; then
 * a total per currency when there is more than one refund (failed and canceled refunds do not
 * count). `null`, `undefined` and `[]` show an empty state. A value the platform cannot format
 * is shown as sent, never thrown.
 *
 * @example
 * <RefundList refunds={session.refunds} locale="de-DE" emptyState={<p>Nothing refunded yet.</p>} />
 */
export const RefundList = forwardRef<HTMLDivElement, RefundListProps>(function RefundList(
  { refunds, locale, timeZone, labels, emptyState, className, ...rest },
  ref,
) {
  const i18n = useComponentI18n(labels, locale, timeZone);
  const { messages } = i18n;
  const rootClassName = withClassName('rcs-refund-list', className);

  if (!refunds || refunds.length === 0) {
    return (
      <div {...rest} ref={ref} className={rootClassName} data-empty="">
        {emptyState ?? <p className="rcs-refund-list__empty">{messages.emptyRefunds}</p>}
      </div>
    );
  }

  const totals = refunds.length > 1 ? totalsByCurrency(refunds) : [];
  const withFailureReason = refunds.some(shownFailureReason);
  return (
    <div {...rest} ref={ref} className={rootClassName}>
      {/* A table: its headers name every cell, and it is the least DOM for long lists. */}
      {/* Named for screen readers; a page shows its own heading, as the panel does. */}
      <table className="rcs-refund-list__table" aria-label={messages.refundsHeading}>
        <thead>
          <tr>
            <th scope="col">{messages.refundAmount}</th>
            <th scope="col">{messages.refundStatusLabel}</th>
            <th scope="col">{messages.refundReasonLabel}</th>
            {withFailureReason ? <th scope="col">{messages.refundFailureReasonLabel}</th> : null}
            <th scope="col">{messages.refundDate}</th>
          </tr>
        </thead>
        <tbody>
          {refunds.map((refund, index) =>
            // The index keeps keys unique even if an API repeats an id.
            refundRow(`${index}:${refund.id}`, refund, i18n, withFailureReason),
          )}
        </tbody>
      </table>
      {totals.length > 0 ? (
        <dl className="rcs-refund-list__totals">
          {totals.map(({ currency, amount }) => (
            <div key={currency} className="rcs-refund-list__total">
              <dt>{messages.total}</dt>
              <dd>{formatMoney(amount, currency, i18n.locale)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
});
RefundList.displayName = 'RefundList';
