'use client';
import type { RefundStatus } from '../../core/schema';
import {
  createStatusBadge,
  type BadgeTone,
  type StatusBadgeKind,
  type StatusBadgeProps,
} from '../SessionStatusBadge/createStatusBadge';

/**
 * Props of {@link RefundStatusBadge}.
 *
 * @example
 * ```tsx
 * function RefundBadge({ refund, ...props }: { refund: Refund } & Omit<RefundStatusBadgeProps, 'status'>) {
 *   return <RefundStatusBadge {...props} status={refund.status} failureReason={refund.failureReason} />;
 * }
 * ```
 */
export type RefundStatusBadgeProps = StatusBadgeProps<RefundStatus>;

/**
 * The tone of each known refund status; any other status is neutral.
 *
 * @example
 * const tone = REFUND_STATUS_TONES[refund.status] ?? 'neutral';
 */
export const REFUND_STATUS_TONES: Readonly<Record<string, BadgeTone>> = {
  PENDING: 'progress',
  SUCCEEDED: 'success',
  FAILED: 'critical',
  CANCELED: 'neutral',
};

/** Words and tones of refund statuses, for RefundStatusBadge and RefundList's rows. */
export const REFUND_STATUS_BADGE: StatusBadgeKind = {
  tones: REFUND_STATUS_TONES,
  words: (messages) => messages.refundStatus,
  withoutFailure: new Set(['PENDING', 'SUCCEEDED']),
};

/**
 * A refund's status as a word and a tone: the badge RefundList shows per refund, for lists of
 * your own. Same attributes and props as {@link SessionStatusBadge}.
 *
 * @example <RefundStatusBadge status={refund.status} size="sm" />
 */
export const RefundStatusBadge = /* @__PURE__ */ createStatusBadge<RefundStatus>('RefundStatusBadge', REFUND_STATUS_BADGE);
