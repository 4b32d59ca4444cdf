'use client';
import { useQuery, useQueryClient, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { CheckoutApiError } from '../core/errors';
import type { CheckoutSession } from '../core/schema';
import { useResolvedCheckoutClient } from './context';
import type { CheckoutSessionQueryKey } from './queryOptions';
import {
  hasSessionId,
  hookQueryOptions,
  splitOptions,
  type CheckoutSessionFlags,
  type KitOptions,
} from './sessionResult';
import { useSessionQueryOptions } from './useSessionQueryOptions';
import { useSessionWatch } from './useSessionWatch';

/**
 * What users of `useQuery` may pass through (select, placeholderData, gcTime, …), minus what the kit owns.
 *
 * @example
 * ```tsx
 * // `select` keeps the component from re-rendering for polls that change only other fields.
 * const statusOnly: PassThroughQueryOptions<SessionStatus> = { select: (session) => session.status, gcTime: 60_000 };
 * const { data: status } = useCheckoutSession<SessionStatus>(sessionId, statusOnly);
 * ```
 */
export type PassThroughQueryOptions<TData> = Omit<
  UseQueryOptions<CheckoutSession, CheckoutApiError, TData, CheckoutSessionQueryKey>,
  'queryKey' | 'queryFn' | 'enabled' | 'retry' | 'retryDelay' | 'refetchInterval' | 'refetchIntervalInBackground'
>;

/**
 * Options of {@link useCheckoutSession}: the kit's polling, retry and callbacks, the client, and React Query's own options.
 *
 * @example
 * ```tsx
 * const options: UseCheckoutSessionOptions = {
 *   pollInterval: 1_000,
 *   maxPollDuration: 5 * 60_000,
 *   followRefunds: true,
 *   // Nothing is sent until the shopper has submitted the payment.
 *   enabled: submitted,
 *   onTerminal: (session) => navigate(`/orders/${session.orderReference}`),
 * };
 * const { data, isPolling } = useCheckoutSession(sessionId, options);
 * ```
 */
export interface UseCheckoutSessionOptions<TData = CheckoutSession>
  extends KitOptions,
    PassThroughQueryOptions<TData> {}

/**
 * What {@link useCheckoutSession} returns: React Query's result plus {@link CheckoutSessionFlags}.
 *
 * @example
 * ```tsx
 * function PaymentState({ result }: { result: UseCheckoutSessionResult }) {
 *   if (result.error) return <CheckoutSessionError error={result.error} onRetry={() => void result.refetch()} />;
 *   if (!result.data) return <p>Checking your payment…</p>;
 *   return <SessionStatusBadge status={result.data.status} />;
 * }
 * ```
 */
export type UseCheckoutSessionResult<TData = CheckoutSession> = UseQueryResult<TData, CheckoutApiError> &
  CheckoutSessionFlags;

/**
 * Follows one checkout session until it settles: fetches it, polls on a cadence made for a
 * shopper waiting (every 2 s for about a minute, then every 5 s, for at most 15 minutes), and
 * stops for good at a terminal status or a final error. Any number of components may watch
 * the same session: it is still asked once per period. Returns React Query's result plus
 * `isTerminal` and `isPolling`.
 *
 * @example
 * const { data, error, isTerminal } = useCheckoutSession(sessionId, {
 *   onTerminal: (session) => analytics.track('checkout_settled', { status: session.status }),
 * });
 */
export function useCheckoutSession<TData = CheckoutSession>(
  sessionId: string | null | undefined,
  options: UseCheckoutSessionOptions<TData> = {},
): UseCheckoutSessionResult<TData> {
  const split = splitOptions(options);
  const client = useResolvedCheckoutClient(split.client, 'useCheckoutSession');
  const queryClient = useQueryClient(split.queryClient);
  const isActive = hasSessionId(sessionId) && split.enabled;

  const result = useQuery(
    // Without an id the query stays disabled: nothing is ever sent for the empty key.
    hookQueryOptions(useSessionQueryOptions(client, sessionId ?? '', split.policy), split, isActive) as UseQueryOptions<
      CheckoutSession,
      CheckoutApiError,
      TData,
      CheckoutSessionQueryKey
    >,
    queryClient,
  );

  return useSessionWatch(result, client, queryClient, sessionId, isActive, split);
}
