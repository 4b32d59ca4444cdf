import type { CheckoutApiErrorKind } from '../../core/errors';
import type { KnownFailureReason, KnownRefundReason, KnownRefundStatus, KnownSessionStatus } from '../../core/schema';
import { enComponents } from './enComponents';

type Table<Key extends string> = Readonly<Record<Key, string>>;

/**
 * The words of the badges and the refund list. Kept apart from the panel's sentences so a
 * dashboard that imports only those components does not bundle the sentences. Tables are
 * keyed by the API's codes; a code missing from a table is humanised (`AWAITING_CAPTURE` →
 * "Awaiting capture") rather than left blank. Templates use `{name}` placeholders.
 *
 * @example
 * ```ts
 * // Takes either dictionary: the badges' words are a part of every full one.
 * const statusWord = (messages: CheckoutComponentMessages, status: SessionStatus) => lookupLabel(messages.sessionStatus, status);
 * statusWord(deMessages, 'REFUNDED'); // "Erstattet"
 * ```
 */
export interface CheckoutComponentMessages {
  sessionStatus: Table<KnownSessionStatus>;
  refundStatus: Table<KnownRefundStatus>;
  refundReason: Table<KnownRefundReason>;
  failureReason: Table<KnownFailureReason>;
  /** How a badge adds its failure reason to the status word; `{reason}` is the reason in words. */
  badgeReason: string;
  refundAmount: string;
  refundStatusLabel: string;
  refundReasonLabel: string;
  refundFailureReasonLabel: string;
  refundDate: string;
  refundsHeading: string;
  total: string;
  emptyRefunds: string;
}

/**
 * Every word the components show: the badges' and refund list's, and the order-confirmation panel's.
 *
 * @example
 * ```tsx
 * // Starting from English keeps every word present while a translation is partial.
 * const fr: CheckoutMessages = { ...enMessages, loading: 'Vérification de votre paiement…', tryAgain: 'Réessayer' };
 * <CheckoutI18nProvider locale="fr-FR" messages={fr}>
 *   <CheckoutSessionStatus sessionId={sessionId} />
 * </CheckoutI18nProvider>;
 * ```
 */
export interface CheckoutMessages extends CheckoutComponentMessages {
  /** One sentence per status for the shopper, shown by CheckoutSessionStatus. */
  sessionStatusDescription: Table<KnownSessionStatus>;
  unknownStatusDescription: string;
  errorKind: Table<CheckoutApiErrorKind>;
  loading: string;
  tryAgain: string;
  /** The retry button while the retry is on its way. */
  retrying: string;
  supportReference: string;
  panelLabel: string;
  statusAnnouncement: string;
}

/**
 * A partial dictionary: any string, or any entries of any table, including entries for codes
 * the kit does not know yet. An entry left undefined (a translation function's missing key)
 * keeps the word beneath it.
 *
 * @example
 * ```tsx
 * // A translation function's missing key (undefined) keeps the built-in word.
 * const labels: CheckoutLabels = { tryAgain: t('checkout.retry'), sessionStatus: { PENDING: t('checkout.pending') } };
 * <CheckoutSessionStatus sessionId={sessionId} labels={labels} />;
 * ```
 */
export type CheckoutLabels = {
  readonly [Key in keyof CheckoutMessages]?: CheckoutMessages[Key] extends string
    ? string | undefined
    : { readonly [Code in keyof CheckoutMessages[Key]]?: string | undefined } & Readonly<Record<string, string | undefined>>;
};

/**
 * The built-in English dictionary.
 *
 * @example
 * // Your own words for a status the kit does not know, on top of the English ones.
 * const words = mergeMessages(enMessages, { sessionStatus: { AWAITING_CAPTURE: 'Waiting for the bank' } });
 */
export const en: CheckoutMessages = {
  ...enComponents,
  sessionStatusDescription: {
    PENDING: 'We are confirming your payment with your bank. This page updates by itself.',
    SUCCEEDED: 'Your payment went through. You will receive a confirmation email.',
    FAILED: 'Your payment did not go through, and you have not been charged.',
    PARTIALLY_REFUNDED: 'Part of your payment has been refunded to you.',
    REFUNDED: 'Your payment has been refunded to you in full.',
    REVERSED: 'Your payment was reversed, and the money has gone back to your account.',
  },
  unknownStatusDescription: 'We are still processing your payment. This page updates by itself.',
  errorKind: {
    unauthorized: 'You are signed out. Sign in again to see this payment.',
    forbidden: 'You do not have access to this payment.',
    not_found: 'We could not find this payment.',
    rate_limited: 'We are getting too many requests right now. Please wait a moment.',
    server: 'Our payment service had a problem.',
    timeout: 'Our payment service took too long to answer.',
    network: 'We could not reach our payment service. Check your connection.',
    invalid_response: 'Our payment service sent an answer we could not read.',
    http: 'Something went wrong while checking your payment.',
    invalid_request: 'This payment link is not valid.',
  },
  loading: 'Checking your payment…',
  tryAgain: 'Try again',
  retrying: 'Trying again…',
  supportReference: 'Support reference: {requestId}',
  panelLabel: 'Payment status',
  statusAnnouncement: 'Payment status: {status}. {description}',
};
