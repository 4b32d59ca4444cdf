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

export type KnownSessionStatus = (typeof SESSION_STATUSES)[number];
export type KnownRefundStatus = (typeof REFUND_STATUSES)[number];
export type KnownRefundReason = (typeof REFUND_REASONS)[number];
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

export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;
export type Refund = z.infer<typeof refundSchema>;
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
export type RefundStatus = z.infer<typeof refundStatusSchema>;
export type RefundReason = z.infer<typeof refundReasonSchema>;
export type FailureReason = z.infer<typeof failureReasonSchema>;
export type ApiErrorEnvelope = z.infer<typeof apiErrorEnvelopeSchema>;
