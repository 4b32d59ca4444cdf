'use client';
import type { SessionStatus } from '../../core/schema';
import { createStatusBadge, type BadgeTone, type StatusBadgeProps } from './createStatusBadge';

/**
 * Props of {@link SessionStatusBadge}.
 *
 * @example
 * ```tsx
 * // The app's own badge: small by default, every prop of the kit's still accepted.
 * function OrderBadge(props: SessionStatusBadgeProps) {
 *   return <SessionStatusBadge size="sm" {...props} />;
 * }
 * ```
 */
export type SessionStatusBadgeProps = StatusBadgeProps<SessionStatus>;

/**
 * The tone of each known session status; any other status is neutral.
 *
 * @example
 * <tr data-tone={SESSION_STATUS_TONES[session.status] ?? 'neutral'}>…</tr>
 */
export const SESSION_STATUS_TONES: Readonly<Record<string, BadgeTone>> = {
  PENDING: 'progress',
  SUCCEEDED: 'success',
  FAILED: 'critical',
  PARTIALLY_REFUNDED: 'attention',
  REFUNDED: 'info',
  REVERSED: 'highlight',
};

/**
 * A checkout session's status as a word and a tone, with `data-status`, `data-tone` and
 * `data-size` for styling. PENDING carries a ring (pulsing unless reduced motion is asked for), an
 * unknown status is humanised and neutral, and a failure reason is added in words ("Failed
 * (Expired)"). Forwards its ref and any span props.
 *
 * @example
 * <SessionStatusBadge status={session.status} failureReason={session.failureReason} size="sm" />
 */
export const SessionStatusBadge = /* @__PURE__ */ createStatusBadge<SessionStatus>('SessionStatusBadge', {
  tones: SESSION_STATUS_TONES,
  words: (messages) => messages.sessionStatus,
  withoutFailure: new Set(['PENDING', 'SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED']),
});
