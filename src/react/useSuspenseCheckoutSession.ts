'use client';
import { useQueryClient, useSuspenseQuery, type UseSuspenseQueryOptions, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { CheckoutApiError } from '../core/errors';
import type { CheckoutSession } from '../core/schema';
import { useResolvedCheckoutClient } from './context';
import type { CheckoutSessionQueryKey } from './queryOptions';
import { hookQueryOptions, splitOptions, type CheckoutSessionFlags } from './sessionResult';
import type { UseCheckoutSessionOptions } from './useCheckoutSession';
import { useSessionQueryOptions } from './useSessionQueryOptions';
import { useSessionWatch } from './useSessionWatch';

/**
 * {@link useCheckoutSession}'s options, less those Suspense decides: it always fetches, has no
 * placeholder and throws errors.
 *
 * @example
 * const options: UseSuspenseCheckoutSessionOptions = { pollInterval: 2000, onTerminal: trackCheckout };
 * useSuspenseCheckoutSession(sessionId, options);
 */
export type UseSuspenseCheckoutSessionOptions<TData = CheckoutSession> = Omit<
  UseCheckoutSessionOptions<TData>,
  'enabled' | 'placeholderData' | 'throwOnError'
>;

/**
 * React Query's `useSuspenseQuery` result (`data` always defined) plus `isTerminal` and `isPolling`.
 *
 * @example
 * const { data, isTerminal, isPolling }: UseSuspenseCheckoutSessionResult = useSuspenseCheckoutSession(sessionId);
 */
export type UseSuspenseCheckoutSessionResult<TData = CheckoutSession> = UseSuspenseQueryResult<TData, CheckoutApiError> &
  CheckoutSessionFlags;

/**
 * {@link useCheckoutSession} for React Suspense, on React Query's `useSuspenseQuery`: the
 * component suspends until the session's first answer, so `data` is always there; an error
 * with no session to show goes to the nearest error boundary, a final one (401, 403, 404,
 * unreadable body) without asking again. The same polling, one request per period however
 * many components and tabs watch, `isTerminal`, `isPolling` and callbacks. Session data
 * hydrated from the server (see {@link dehydrateCheckoutSessions}) renders at once, with no
 * request.
 *
 * @example
 * function OrderStatus({ sessionId }: { sessionId: string }) {
 *   const { data, isTerminal } = useSuspenseCheckoutSession(sessionId);
 *   return <SessionStatusBadge status={data.status} />;
 * }
 * <ErrorBoundary fallback={<p>We could not find this payment.</p>}>
 *   <Suspense fallback={<p>Checking your payment…</p>}>
 *     <OrderStatus sessionId={sessionId} />
 *   </Suspense>
 * </ErrorBoundary>
 */
export function useSuspenseCheckoutSession<TData = CheckoutSession>(
  sessionId: string,
  options: UseSuspenseCheckoutSessionOptions<TData> = {},
): UseSuspenseCheckoutSessionResult<TData> {
  const split = splitOptions(options);
  const client = useResolvedCheckoutClient(split.client, 'useSuspenseCheckoutSession');
  const queryClient = useQueryClient(split.queryClient);
  const result = useSuspenseQuery(
    hookQueryOptions(useSessionQueryOptions(client, sessionId, split.policy), split, true) as UseSuspenseQueryOptions<CheckoutSession, CheckoutApiError, TData, CheckoutSessionQueryKey>,
    queryClient,
  );
  return useSessionWatch(result, client, queryClient, sessionId, true, split);
}
