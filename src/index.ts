export { createCheckoutClient, DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_TIMEOUT_MS } from './core/client';
export type { CheckoutClient, CheckoutClientOptions, GetSessionOptions, TokenProvider } from './core/client';
export { CheckoutApiError, isCheckoutApiError } from './core/errors';
export type { CheckoutApiErrorKind } from './core/errors';
export {
  checkoutSessionSchema,
  refundSchema,
  SESSION_STATUSES,
  REFUND_STATUSES,
  REFUND_REASONS,
  FAILURE_REASONS,
} from './core/schema';
export type {
  CheckoutSession,
  Refund,
  SessionStatus,
  RefundStatus,
  RefundReason,
  FailureReason,
  KnownSessionStatus,
  KnownRefundStatus,
  KnownRefundReason,
  KnownFailureReason,
  OpenString,
} from './core/schema';
export { isTerminalStatus, hasPendingRefunds, humanizeCode } from './core/status';
export {
  defaultPollInterval,
  backoffDelay,
  DEFAULT_MAX_POLL_DURATION_MS,
  DEFAULT_REFUND_POLL_INTERVAL_MS,
  DEFAULT_RETRY_COUNT,
} from './core/polling';
export type { PollInterval, PollingPolicy, RetryPolicy } from './core/polling';
export { CheckoutClientProvider } from './react/context';
export type { CheckoutClientProviderProps } from './react/context';
export { checkoutSessionKeys, checkoutSessionQueryOptions } from './react/queryOptions';
export type { CheckoutSessionPolicy, CheckoutSessionQueryKey, SessionQueryHow } from './react/queryOptions';
export { dehydrateCheckoutSessions, reviveCheckoutSessionErrors } from './react/dehydrateCheckoutSessions';
export type { SerializedCheckoutApiError } from './react/dehydrateCheckoutSessions';
export { CheckoutSessionHydrationBoundary } from './react/CheckoutSessionHydrationBoundary';
export { useCheckoutSession } from './react/useCheckoutSession';
export { useSuspenseCheckoutSession } from './react/useSuspenseCheckoutSession';
export type { UseSuspenseCheckoutSessionOptions, UseSuspenseCheckoutSessionResult } from './react/useSuspenseCheckoutSession';
export type {
  UseCheckoutSessionOptions,
  UseCheckoutSessionResult,
  PassThroughQueryOptions,
} from './react/useCheckoutSession';
export type { CheckoutSessionFlags, CheckoutSessionCallbacks } from './react/sessionResult';
export { useCheckoutSessions, DEFAULT_SWEEP_INTERVAL_MS } from './react/useCheckoutSessions';
export type { UseCheckoutSessionsOptions } from './react/useCheckoutSessions';

// Components
export * from './components';
export * from './i18n';
