'use client';
import { forwardRef, type ComponentPropsWithoutRef, type Ref } from 'react';
import { useComponentI18n } from '../../i18n/context';
import { interpolate, lookupLabel, type CheckoutLabels, type CheckoutComponentMessages } from '../../i18n/dictionary';
import { withClassName } from '../classNames';

/**
 * Colour families; every status also has its own word, so none relies on colour alone.
 *
 * @example
 * ```tsx
 * // A row of your own, coloured like the badge in it.
 * const tone: BadgeTone = SESSION_STATUS_TONES[session.status] ?? 'neutral';
 * <tr className={`row row--${tone}`}>…</tr>;
 * ```
 */
export type BadgeTone = 'neutral' | 'progress' | 'success' | 'critical' | 'attention' | 'info' | 'highlight';
/**
 * A badge's size; `md` by default.
 *
 * @example
 * ```tsx
 * const size: BadgeSize = dense ? 'sm' : 'md';
 * <SessionStatusBadge status={session.status} size={size} />;
 * ```
 */
export type BadgeSize = 'sm' | 'md';

/**
 * Props of {@link SessionStatusBadge} and {@link RefundStatusBadge}, and any span prop.
 *
 * @example
 * ```tsx
 * const props: StatusBadgeProps<RefundStatus> = { status: 'FAILED', failureReason: 'EXPIRED', size: 'sm', title: 're_123' };
 * <RefundStatusBadge {...props} />;
 * ```
 */
export interface StatusBadgeProps<Status extends string> extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  status: Status;
  /** Shown in words next to the status where it explains a failure; ignored for statuses it cannot explain. */
  failureReason?: string | null | undefined;
  size?: BadgeSize | undefined;
  /** Words for this badge only, over the provider's. */
  labels?: CheckoutLabels | undefined;
}

/** What a badge needs besides its props: which words and tones belong to which codes. */
export interface StatusBadgeKind {
  tones: Readonly<Record<string, BadgeTone>>;
  words: (messages: CheckoutComponentMessages) => Readonly<Record<string, string>>;
  /** Statuses a failure reason cannot explain (the reference sends PENDING with "EXPIRED"). */
  withoutFailure: ReadonlySet<string>;
}

/**
 * The badge's one span, from words already resolved. Lists call it per row with the list's
 * words, so a thousand rows cost no component and no context read each; the components
 * below call it too, so there is one badge markup.
 */
export function renderStatusBadge(
  { tones, words, withoutFailure }: StatusBadgeKind,
  messages: CheckoutComponentMessages,
  // `labels` is taken out here, already applied to `messages`, so it never reaches the DOM.
  { status, failureReason, size = 'md', className, labels: _labels, ...rest }: StatusBadgeProps<string>,
  ref?: Ref<HTMLSpanElement>,
) {
  // Plain JavaScript callers can pass null; a badge must still say something.
  const code: string = typeof status === 'string' ? status : '';
  const reason =
    failureReason && !withoutFailure.has(code)
      ? interpolate(messages.badgeReason, { reason: lookupLabel(messages.failureReason, failureReason) })
      : null;
  const label = lookupLabel(words(messages), code);
  return (
    <span
      {...rest}
      ref={ref}
      className={withClassName('rcs-badge', className)}
      data-status={code}
      data-tone={Object.hasOwn(tones, code) ? tones[code] : 'neutral'}
      // md is the look without the attribute: jsdom-heavy dashboards pay per attribute.
      data-size={size === 'md' ? undefined : size}
    >
      {/* A lone string child becomes the span's text directly, with no text node fiber. */}
      {reason === null ? (
        label
      ) : (
        <>
          {label}
          <span className="rcs-badge__reason">{reason}</span>
        </>
      )}
    </span>
  );
}

/**
 * One badge component for session and refund statuses. Kept to one span, one context read and
 * lookups in precomputed tables, because dashboards render them by the thousand. Its calls are
 * marked pure and take the kind as it is, not spread (a spread may run getters): a bundle that
 * imports RefundList alone then drops both badge components.
 */
export function createStatusBadge<Status extends string>(displayName: string, kind: StatusBadgeKind) {
  const Badge = forwardRef<HTMLSpanElement, StatusBadgeProps<Status>>(function StatusBadge(props, ref) {
    return renderStatusBadge(kind, useComponentI18n(props.labels).messages, props, ref);
  });
  Badge.displayName = displayName;
  return Badge;
}
