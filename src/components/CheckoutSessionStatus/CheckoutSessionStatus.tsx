'use client';
import { forwardRef, useState, type AriaAttributes, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useCheckoutSession, type UseCheckoutSessionOptions, type UseCheckoutSessionResult } from '../../react/useCheckoutSession';
import { useCheckoutI18nForLocale } from '../../i18n/CheckoutI18nProvider';
import { CheckoutI18nContext } from '../../i18n/context';
import type { CheckoutApiError } from '../../core/errors';
import type { CheckoutLabels } from '../../i18n/dictionary';
import { withClassName } from '../classNames';
import { RefundList } from '../RefundList/RefundList';
import { SessionStatusBadge } from '../SessionStatusBadge/SessionStatusBadge';
import { CheckoutSessionError, describeStatus, SessionStatusAnnouncer } from './parts';

type SectionProps = ComponentPropsWithoutRef<'section'>;

/**
 * The props that go to the panel's element; every other prop is an option of the hook.
 *
 * @example
 * ```tsx
 * const dom: CheckoutSessionStatusDomProps = { className: 'order-panel', 'aria-label': 'Payment for order 1042', 'data-testid': 'payment' };
 * <CheckoutSessionStatus sessionId={sessionId} {...dom} />;
 * ```
 */
export type CheckoutSessionStatusDomProps = Pick<SectionProps, 'className' | 'id' | 'style' | 'title' | 'lang' | 'dir'> &
  AriaAttributes & { [dataAttribute: `data-${string}`]: string | undefined };

const DOM_KEYS: ReadonlySet<string> = new Set(['className', 'id', 'style', 'title', 'lang', 'dir']);

/**
 * Props of {@link CheckoutSessionStatus}: every option of {@link useCheckoutSession}, the panel's own, and some of its element's.
 *
 * @example
 * ```tsx
 * // The app's panel: its own defaults, and every prop of the kit's (hook options included).
 * function PaymentPanel(props: CheckoutSessionStatusProps) {
 *   return <CheckoutSessionStatus headingLevel={3} followRefunds {...props} />;
 * }
 * ```
 */
export type CheckoutSessionStatusProps = UseCheckoutSessionOptions &
  CheckoutSessionStatusDomProps & {
    sessionId: string | null | undefined;
    /** BCP 47 locale for amounts and dates; default: the provider's, else the browser's. */
    locale?: string | undefined;
    /** IANA time zone for the refunds' dates; default: the provider's, else the runtime's. */
    timeZone?: string | undefined;
    labels?: CheckoutLabels | undefined;
    /** The level of the panel's "Refunds" heading, to fit the page's outline. Default 2. */
    headingLevel?: 2 | 3 | 4 | 5 | 6 | undefined;
    /** Headless use: render anything from the hook's result instead of the built-in panel. */
    children?: ((result: UseCheckoutSessionResult) => ReactNode) | undefined;
  };

function splitPanelProps(
  props: Omit<CheckoutSessionStatusProps, 'sessionId' | 'locale' | 'timeZone' | 'labels' | 'headingLevel' | 'children'>,
) {
  const dom: Record<string, unknown> = {};
  const hook: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    const isDom = DOM_KEYS.has(key) || key.startsWith('aria-') || key.startsWith('data-');
    (isDom ? dom : hook)[key] = value;
  }
  return { dom: dom as CheckoutSessionStatusDomProps, hook: hook as UseCheckoutSessionOptions };
}

/**
 * The order-confirmation panel: follows a session with {@link useCheckoutSession} (every hook
 * option is a prop) and shows a loading state, the status badge, what the status means for the
 * shopper, the refunds, and errors in words with a "Try again" button when trying again can
 * help. Status changes are announced once each through a polite live region. Pass a function
 * as `children` to render the hook's result your own way.
 *
 * @example
 * <CheckoutSessionStatus sessionId={sessionId} pollInterval={2000} onTerminal={trackCheckout} />
 */
export const CheckoutSessionStatus = forwardRef<HTMLElement, CheckoutSessionStatusProps>(function CheckoutSessionStatus(
  { sessionId, locale, timeZone, labels, headingLevel = 2, children, ...props },
  ref,
) {
  const { dom, hook } = splitPanelProps(props);
  const result = useCheckoutSession(sessionId, hook);
  const i18n = useCheckoutI18nForLocale(labels, locale, timeZone);
  // The error the shopper asked to retry, until the retry settles: a Retry-After can hold it for
  // seconds, and before the first answer React Query clears the error while it tries again,
  // which would take the pressed button (and its focus) away. Kept with its session, so a
  // panel switched to another one does not show it.
  const [retrying, setRetrying] = useState<{ sessionId: string | null | undefined; error: CheckoutApiError } | null>(null);
  if (children) return <>{children(result)}</>;

  const { messages } = i18n;
  const { data } = result;
  const retryingHere = retrying?.sessionId === sessionId ? retrying : null;
  const error = result.error ?? retryingHere?.error ?? null;
  const retry = () => {
    if (!error) return;
    const asked = { sessionId, error };
    setRetrying(asked);
    void result.refetch().finally(() => setRetrying((current) => (current === asked ? null : current)));
  };
  const Heading = `h${headingLevel}` as const;
  const isLoading = result.isPending && !error && Boolean(sessionId) && hook.enabled !== false;
  return (
    // Badges, lists and errors below speak with this panel's locale and labels.
    <CheckoutI18nContext.Provider value={i18n}>
      <section
        {...dom}
        ref={ref}
        aria-label={dom['aria-label'] ?? messages.panelLabel}
        className={withClassName('rcs-checkout-status', dom.className)}
        data-status={data?.status}
      >
        <SessionStatusAnnouncer status={data?.status} />
        {isLoading ? (
          <p role="status" className="rcs-checkout-status__loading">
            {messages.loading}
          </p>
        ) : null}
        {data ? (
          <div className="rcs-checkout-status__summary">
            <SessionStatusBadge status={data.status} failureReason={data.failureReason} />
            <p className="rcs-checkout-status__description">{describeStatus(messages, data.status)}</p>
          </div>
        ) : null}
        {data?.refunds && data.refunds.length > 0 ? (
          <div className="rcs-checkout-status__refunds">
            <Heading className="rcs-checkout-status__heading">{messages.refundsHeading}</Heading>
            <RefundList refunds={data.refunds} />
          </div>
        ) : null}
        {error ? (
          <CheckoutSessionError error={error} onRetry={retry} retrying={retryingHere !== null} />
        ) : null}
      </section>
    </CheckoutI18nContext.Provider>
  );
});
CheckoutSessionStatus.displayName = 'CheckoutSessionStatus';
