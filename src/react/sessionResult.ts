'use client';
import { hashKey, type QueryClient, type UseQueryResult, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { CheckoutClient } from '../core/client';
import type { CheckoutApiError } from '../core/errors';
import { isTerminalStatus } from '../core/status';
import {
  checkoutSessionKeys,
  pollDelayForQuery,
  type checkoutSessionQueryOptions,
  type CheckoutSessionPolicy,
  type CheckoutSessionQuery,
} from './queryOptions';

import type { CheckoutSessionCallbacks } from './sessionTransitions';

export type { CheckoutSessionCallbacks } from './sessionTransitions';

// What the two hooks share: splitting the kit's options from React Query's, finding a
// session's cache entry, and the isTerminal/isPolling flags.

/**
 * What the hooks add to React Query's result.
 *
 * @example
 * ```tsx
 * function PaymentStatus({ sessionId }: { sessionId: string }) {
 *   const { data, isTerminal, isPolling } = useCheckoutSession(sessionId);
 *   // Polling can stop before the session settles (maxPollDuration, a final error): no endless spinner.
 *   if (!isTerminal && !isPolling) return <p>We could not confirm your payment yet. Your receipt will come by email.</p>;
 *   return data ? <SessionStatusBadge status={data.status} /> : <p>Checking your payment…</p>;
 * }
 * ```
 */
export interface CheckoutSessionFlags {
  /** The session has reached SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED or REVERSED. */
  isTerminal: boolean;
  /** The kit will ask again: not terminal (or following refunds), no final error, within maxPollDuration. */
  isPolling: boolean;
}

export interface KitOptions extends CheckoutSessionPolicy, CheckoutSessionCallbacks {
  /** Else the nearest `CheckoutClientProvider`'s. */
  client?: CheckoutClient | undefined;
  enabled?: boolean | undefined;
  queryClient?: QueryClient | undefined;
}

export interface SplitOptions<TQueryOptions> {
  client: CheckoutClient | undefined;
  queryClient: QueryClient | undefined;
  enabled: boolean;
  policy: CheckoutSessionPolicy;
  callbacks: CheckoutSessionCallbacks;
  queryOptions: TQueryOptions;
}

/** Splits the kit's own options from those passed through to React Query. */
export function splitOptions<TOptions extends KitOptions>(options: TOptions): SplitOptions<Omit<TOptions, keyof KitOptions>> {
  const {
    client,
    queryClient,
    enabled = true,
    pollInterval,
    maxPollDuration,
    followRefunds,
    retry,
    retryDelay,
    onStatusChange,
    onTerminal,
    ...queryOptions
  } = options;
  return {
    client,
    queryClient,
    enabled,
    policy: { pollInterval, maxPollDuration, followRefunds, retry, retryDelay },
    callbacks: { onStatusChange, onTerminal },
    queryOptions,
  };
}

export function hasSessionId(sessionId: string | null | undefined): sessionId is string {
  return typeof sessionId === 'string' && sessionId !== '';
}

export type SessionQueryOptions = ReturnType<typeof checkoutSessionQueryOptions>;

/**
 * What the hooks give React Query for one session: the kit's options, the caller's React Query
 * options over them, and whether it may fetch.
 */
export function hookQueryOptions<TQueryOptions>(
  sessionOptions: SessionQueryOptions,
  split: SplitOptions<TQueryOptions>,
  enabled: boolean,
): SessionQueryOptions & TQueryOptions & { enabled: boolean } {
  return {
    ...sessionOptions,
    // A watcher that mounts on a retryable error waits for the next poll, so dashboard rows
    // mounting as a filter changes do not each ask again for a failing session. With
    // throwOnError the shared rule stays: an error boundary's reset asks again.
    ...((split.queryOptions as { throwOnError?: unknown }).throwOnError ? {} : { retryOnMount: false }),
    ...split.queryOptions,
    enabled,
  };
}

/**
 * The hash React Query files a session under. Hooks work it out once per id and keep it: on a
 * dashboard, hashing keys on every cache event was a quarter of the page's main thread.
 */
export function sessionQueryHash(sessionId: string): string {
  return hashKey(checkoutSessionKeys.detail(sessionId));
}

/** The session's cache entry, by hash: `QueryCache.find` would scan every entry. */
export function findSessionQuery(queryClient: QueryClient, queryHash: string | undefined) {
  return queryHash === undefined ? undefined : (queryClient.getQueryCache().get(queryHash) as CheckoutSessionQuery | undefined);
}

/** Whether the kit will ask again for this entry: enabled, and the policy has a next poll. */
export function willPollAgain(query: CheckoutSessionQuery | undefined, enabled: boolean, policy: CheckoutSessionPolicy): boolean {
  return enabled && query !== undefined && pollDelayForQuery(query, policy) !== false;
}

/**
 * Adds `isTerminal` and `isPolling` to React Query's tracked result without reading its other
 * fields: spreading it would subscribe the component to every field, and re-render it on
 * every poll. `isTerminal` reads only `data`, so it costs no extra renders.
 */
export function withSessionFlags<TResult extends UseQueryResult<unknown, CheckoutApiError> | UseSuspenseQueryResult<unknown, CheckoutApiError>>(
  result: TResult,
  query: () => CheckoutSessionQuery | undefined,
  isPolling: boolean,
): TResult & CheckoutSessionFlags {
  return new Proxy(result, {
    get(target, key) {
      if (key === 'isTerminal') {
        void target.data;
        return isTerminalStatus(query()?.state.data?.status);
      }
      if (key === 'isPolling') return isPolling;
      return target[key as keyof TResult];
    },
  }) as TResult & CheckoutSessionFlags;
}
