import { z } from 'zod';

/**
 * A string union that still accepts any string: known values autocomplete, and a value the
 * API adds tomorrow (`AWAITING_CAPTURE`) parses instead of breaking a dashboard.
 *
 * @example
 * const status: OpenString<'PENDING' | 'SUCCEEDED'> = 'AWAITING_CAPTURE'; // compiles; 'PENDING' autocompletes
 */
export type OpenString<Known extends string> = Known | (string & {});

/**
 * Any string parses: a status the kit does not know yet must render and keep polling, not
 * fail the response. The known values only shape the type, so editors autocomplete them.
 */
function openEnum<const Known extends string>(_known: readonly Known[]) {
  return z.string() as unknown as z.ZodType<OpenString<Known>, string>;
}

/**
 * The session statuses the kit knows, in lifecycle order. The API may send others:
 * {@link SessionStatus} is an open string, and an unknown status parses, renders and keeps polling.
 *
 * @example
 * // A gallery of every known status (an unknown one renders too).
 * SESSION_STATUSES.map((status) => <SessionStatusBadge key={status} status={status} />);
 */
export const SESSION_STATUSES = [
  'PENDING',
  'SUCCEEDED',
  'FAILED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
  'REVERSED',
] as const;

/**
 * The refund statuses the kit knows; {@link RefundStatus} is open, like the session's.
 *
 * @example
 * const known = (REFUND_STATUSES as readonly string[]).includes(refund.status);
 */
export const REFUND_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;

/**
 * The refund reasons the kit knows; {@link RefundReason} is open.
 *
 * @example
 * // Options of a filter, in words.
 * const options = REFUND_REASONS.map((reason) => ({ value: reason, label: humanizeCode(reason) }));
 */
export const REFUND_REASONS = ['REQUESTED_BY_CUSTOMER', 'DUPLICATE', 'FRAUDULENT', 'OTHER'] as const;

/**
 * The failure codes the reference names; the set is open, like the statuses.
 *
 * @example
 * const known = (FAILURE_REASONS as readonly string[]).includes(session.failureReason ?? '');
 */
export const FAILURE_REASONS = ['EXPIRED', 'LOST_OR_STOLEN_CARD', 'INSUFFICIENT_FUNDS'] as const;

/**
 * The session statuses of {@link SESSION_STATUSES}, as a closed union.
 *
 * @example
 * ```ts
 * // `satisfies` makes a status the kit learns later a compile error here, not a missing icon.
 * const icons = {
 *   PENDING: '⏳',
 *   SUCCEEDED: '✓',
 *   FAILED: '✗',
 *   PARTIALLY_REFUNDED: '↺',
 *   REFUNDED: '↺',
 *   REVERSED: '⤺',
 * } satisfies Record<KnownSessionStatus, string>;
 * const icon = Object.hasOwn(icons, session.status) ? icons[session.status as KnownSessionStatus] : '•';
 * ```
 */
export type KnownSessionStatus = (typeof SESSION_STATUSES)[number];
/**
 * The refund statuses of {@link REFUND_STATUSES}, as a closed union.
 *
 * @example
 * ```ts
 * const refundWords: Record<KnownRefundStatus, string> = {
 *   PENDING: 'On its way',
 *   SUCCEEDED: 'Refunded',
 *   FAILED: 'Failed',
 *   CANCELED: 'Canceled',
 * };
 * ```
 */
export type KnownRefundStatus = (typeof REFUND_STATUSES)[number];
/**
 * The refund reasons of {@link REFUND_REASONS}, as a closed union.
 *
 * @example
 * ```ts
 * // A type guard, to switch exhaustively over the reasons the kit knows.
 * const isKnownRefundReason = (reason: RefundReason): reason is KnownRefundReason =>
 *   (REFUND_REASONS as readonly string[]).includes(reason);
 * ```
 */
export type KnownRefundReason = (typeof REFUND_REASONS)[number];
/**
 * The failure codes of {@link FAILURE_REASONS}, as a closed union.
 *
 * @example
 * ```ts
 * const nextStep: Record<KnownFailureReason, string> = {
 *   EXPIRED: 'Start the checkout again.',
 *   LOST_OR_STOLEN_CARD: 'Pay with another card.',
 *   INSUFFICIENT_FUNDS: 'Pay with another card or method.',
 * };
 * ```
 */
export type KnownFailureReason = (typeof FAILURE_REASONS)[number];

const sessionStatusSchema = openEnum(SESSION_STATUSES);
const refundStatusSchema = openEnum(REFUND_STATUSES);
const refundReasonSchema = openEnum(REFUND_REASONS);
const failureReasonSchema = openEnum(FAILURE_REASONS);

/**
 * A refund as the provider sends it: `amount` is a decimal in the currency's major unit.
 *
 * @example
 * const refunds = z.array(refundSchema).parse(await response.json());
 */
export const refundSchema = z.object({
  id: z.string(),
  amount: z.number().finite(),
  currency: z.string().min(1),
  status: refundStatusSchema,
  failureReason: failureReasonSchema.nullish(),
  reason: refundReasonSchema.nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/**
 * `GET /api/v1/sessions/{sessionId}`. Nullable fields may also be absent (the smallest body
 * the provider sends omits them), and `refunds` is `null` until the session has any, though
 * the reference's own example pairs PENDING with a refund, so that is accepted too.
 *
 * @example
 * // What the client does with every body; for a session you fetched some other way:
 * const result = checkoutSessionSchema.safeParse(await response.json());
 * if (result.success) queryClient.setQueryData(checkoutSessionKeys.detail(result.data.id), result.data);
 */
export const checkoutSessionSchema = z.object({
  id: z.string(),
  orderReference: z.string(),
  status: sessionStatusSchema,
  failureReason: failureReasonSchema.nullish(),
  providerName: z.string().nullish(),
  paymentMethod: z.string(),
  expiresAt: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  refunds: z.array(refundSchema).nullish(),
});

/**
 * The error envelope `{ error, message, code, requestId? }`, read leniently: each field on its
 * own, so a `requestId: null` does not cost the shopper the message and the code.
 */
export const apiErrorEnvelopeSchema = z.object({
  error: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  code: z.union([z.number(), z.string()]).optional().catch(undefined),
  requestId: z.string().optional().catch(undefined),
});

/**
 * A checkout session as {@link checkoutSessionSchema} reads it.
 *
 * @example
 * ```tsx
 * function OrderSummary({ session }: { session: CheckoutSession }) {
 *   return (
 *     <p>
 *       Order {session.orderReference}: <SessionStatusBadge status={session.status} failureReason={session.failureReason} />
 *     </p>
 *   );
 * }
 * ```
 */
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;
/**
 * A refund as {@link refundSchema} reads it.
 *
 * @example
 * ```ts
 * const pendingRefunds: Refund[] = session.refunds?.filter((refund) => refund.status === 'PENDING') ?? [];
 * ```
 */
export type Refund = z.infer<typeof refundSchema>;
/**
 * A session status: one of {@link SESSION_STATUSES}, or any string the API adds later.
 *
 * @example
 * ```ts
 * // Compare with known values; any other string the API sends is still a SessionStatus.
 * const isPaid = (status: SessionStatus) => status === 'SUCCEEDED' || status === 'PARTIALLY_REFUNDED';
 * ```
 */
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
/**
 * A refund status: one of {@link REFUND_STATUSES}, or any string the API adds later.
 *
 * @example
 * ```ts
 * const isSettled = (status: RefundStatus) => status !== 'PENDING';
 * ```
 */
export type RefundStatus = z.infer<typeof refundStatusSchema>;
/**
 * A refund reason: one of {@link REFUND_REASONS}, or any string the API adds later.
 *
 * @example
 * ```ts
 * const needsReview = (reason: RefundReason | null | undefined) => reason === 'FRAUDULENT';
 * ```
 */
export type RefundReason = z.infer<typeof refundReasonSchema>;
/**
 * A failure code: one of {@link FAILURE_REASONS}, or any string the API adds later.
 *
 * @example
 * ```ts
 * // Worth offering the same card again only when nothing was wrong with it.
 * const sameCardMayWork = (reason: FailureReason | null | undefined) => reason === 'EXPIRED';
 * ```
 */
export type FailureReason = z.infer<typeof failureReasonSchema>;
export type ApiErrorEnvelope = z.infer<typeof apiErrorEnvelopeSchema>;
