'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { CheckoutApiError } from '../../core/errors';
import type { SessionStatus } from '../../core/schema';
import { useCheckoutI18n } from '../../i18n/CheckoutI18nProvider';
import { interpolate, lookupLabel, type CheckoutLabels, type CheckoutMessages } from '../../i18n/dictionary';
import { withClassName } from '../classNames';
import { VISUALLY_HIDDEN } from '../visuallyHidden';

/**
 * What a status means for the shopper, in one sentence.
 *
 * @example
 * describeStatus(enMessages, 'SUCCEEDED') // "Your payment went through. You will receive a confirmation email."
 */
export function describeStatus(messages: CheckoutMessages, status: string): string {
  return Object.hasOwn(messages.sessionStatusDescription, status)
    ? (messages.sessionStatusDescription as Readonly<Record<string, string>>)[status] as string
    : messages.unknownStatusDescription;
}

/**
 * Props of {@link SessionStatusAnnouncer}, and any div prop.
 *
 * @example
 * ```tsx
 * // A panel of your own still tells screen-reader users of each status change.
 * const props: SessionStatusAnnouncerProps = { status: data?.status, labels: { statusAnnouncement: 'Payment: {status}. {description}' } };
 * <SessionStatusAnnouncer {...props} />;
 * ```
 */
export interface SessionStatusAnnouncerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The status to announce; nothing is said while it is undefined. */
  status: SessionStatus | undefined;
  labels?: CheckoutLabels | undefined;
}

/**
 * A visually hidden `aria-live="polite"` region that says the status and what it means. Its
 * text depends on the status alone, so a poll that brings the same status changes nothing in
 * the DOM and nothing is announced again: one announcement per change.
 *
 * @example <SessionStatusAnnouncer status={data?.status} />
 */
export const SessionStatusAnnouncer = forwardRef<HTMLDivElement, SessionStatusAnnouncerProps>(
  function SessionStatusAnnouncer({ status, labels, className, style, ...rest }, ref) {
    const { messages } = useCheckoutI18n(labels);
    // Plain JavaScript callers can pass null (`session?.status ?? null`); that says nothing yet.
    const text =
      typeof status !== 'string'
        ? ''
        : interpolate(messages.statusAnnouncement, {
            status: lookupLabel(messages.sessionStatus, status),
            description: describeStatus(messages, status),
          });
    return (
      <div
        {...rest}
        ref={ref}
        className={withClassName('rcs-live-region', className)}
        aria-live="polite"
        aria-atomic="true"
        style={style ? { ...VISUALLY_HIDDEN, ...style } : VISUALLY_HIDDEN}
      >
        {text}
      </div>
    );
  },
);
SessionStatusAnnouncer.displayName = 'SessionStatusAnnouncer';

/**
 * Props of {@link CheckoutSessionError}, and any div prop.
 *
 * @example
 * ```tsx
 * // The button is offered for retryable errors only; the label fits a page that polls by itself.
 * const props: CheckoutSessionErrorProps = { error, onRetry: () => void refetch(), labels: { tryAgain: 'Check again' } };
 * <CheckoutSessionError {...props} />;
 * ```
 */
export interface CheckoutSessionErrorProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  error: CheckoutApiError;
  /** Offered as a "Try again" button when the error is retryable. */
  onRetry?: (() => void) | undefined;
  /**
   * The retry the shopper asked for is on its way: the button says so and ignores presses.
   * Not `isFetching`, which background polls set too: the alert would change with each poll.
   */
  retrying?: boolean | undefined;
  labels?: CheckoutLabels | undefined;
}

/**
 * A CheckoutApiError in words for the shopper, one message per kind, with the request id as a
 * support reference when the API sent one, and a "Try again" button for retryable errors
 * (5xx, timeout, network, rate limit) when `onRetry` is given.
 *
 * @example <CheckoutSessionError error={error} onRetry={retry} retrying={retryRequested} />
 */
export const CheckoutSessionError = forwardRef<HTMLDivElement, CheckoutSessionErrorProps>(function CheckoutSessionError(
  { error, onRetry, retrying = false, labels, className, ...rest },
  ref,
) {
  const { messages } = useCheckoutI18n(labels);
  const kind: string = error.kind;
  const text = Object.hasOwn(messages.errorKind, kind)
    ? (messages.errorKind as Readonly<Record<string, string>>)[kind]
    : messages.errorKind.http;
  return (
    <div
      {...rest}
      ref={ref}
      role="alert"
      className={withClassName('rcs-error', className)}
      data-kind={kind}
    >
      <p className="rcs-error__message">{text}</p>
      {error.requestId ? (
        <p className="rcs-error__reference">{interpolate(messages.supportReference, { requestId: error.requestId })}</p>
      ) : null}
      {error.retryable && onRetry ? (
        // aria-disabled rather than disabled: the button keeps focus while the retry runs,
        // which can be the whole of a Retry-After.
        <button type="button" className="rcs-button" aria-disabled={retrying} onClick={retrying ? undefined : onRetry}>
          {retrying ? messages.retrying : messages.tryAgain}
        </button>
      ) : null}
    </div>
  );
});
CheckoutSessionError.displayName = 'CheckoutSessionError';
