import { queryOptions, type Query } from '@tanstack/react-query';
import type { CheckoutClient } from '../core/client';
import type { CheckoutApiError } from '../core/errors';
import { nextPollDelay, retryDelayFor, shouldRetry, type PollingPolicy, type RetryPolicy } from '../core/polling';
import type { CheckoutSession } from '../core/schema';

/**
 * The query-key factory shared by the hooks and {@link checkoutSessionQueryOptions}.
 *
 * @example queryClient.invalidateQueries({ queryKey: checkoutSessionKeys.all })
 */
export const checkoutSessionKeys = {
  all: ['checkout-session'] as const,
  detail: (sessionId: string) => [...checkoutSessionKeys.all, sessionId] as const,
};

export type CheckoutSessionQueryKey = ReturnType<typeof checkoutSessionKeys.detail>;
export type CheckoutSessionQuery = Query<CheckoutSession, CheckoutApiError, CheckoutSession, CheckoutSessionQueryKey>;

export interface CheckoutSessionPolicy extends PollingPolicy, RetryPolicy {}

// maxPollDuration counts from the first time a session's cache entry is polled, whichever
// watcher got there first: it belongs to the session, not to one component.
const pollingStartedAt = new WeakMap<object, number>();

/** The polling policy applied to one cache entry: when to ask next, or false when done. */
export function pollDelayForQuery(query: CheckoutSessionQuery, policy: PollingPolicy): number | false {
  const now = Date.now();
  let startedAt = pollingStartedAt.get(query);
  if (startedAt === undefined) {
    startedAt = now;
    pollingStartedAt.set(query, startedAt);
  }
  const { data, error, dataUpdateCount, errorUpdateCount } = query.state;
  return nextPollDelay(
    { session: data, error, attempt: dataUpdateCount + errorUpdateCount, elapsedMs: now - startedAt },
    policy,
  );
}

/**
 * One options object for `useQuery`, `useSuspenseQuery`, `prefetchQuery` and
 * `ensureQueryData`, with the same cache key and polling policy as {@link useCheckoutSession}.
 *
 * The policy rides on React Query's own machinery, evaluated per cache entry: every watcher's
 * refetch timer is re-aligned after each fetch, so a session is asked once per period however
 * many components watch it; data younger than one period counts as fresh, so a watcher that
 * mounts mid-period asks nothing; once the policy says stop (terminal status, final error,
 * max duration) the data never goes stale again, so no focus, reconnect or mount refetches.
 *
 * @example
 * await queryClient.prefetchQuery(checkoutSessionQueryOptions(client, 'cs_123'));
 * const { data } = useSuspenseQuery(checkoutSessionQueryOptions(client, 'cs_123'));
 */
export function checkoutSessionQueryOptions(
  client: CheckoutClient,
  sessionId: string,
  policy: CheckoutSessionPolicy = {},
) {
  const delay = (query: CheckoutSessionQuery) => pollDelayForQuery(query, policy);
  return queryOptions<CheckoutSession, CheckoutApiError, CheckoutSession, CheckoutSessionQueryKey>({
    queryKey: checkoutSessionKeys.detail(sessionId),
    queryFn: ({ signal }) => client.getSession(sessionId, { signal }),
    refetchInterval: delay,
    refetchIntervalInBackground: false,
    staleTime: (query) => {
      const next = delay(query);
      return next === false ? Infinity : next;
    },
    refetchOnWindowFocus: (query) => (delay(query) === false ? false : 'always'),
    refetchOnReconnect: (query) => delay(query) !== false,
    retry: (failureCount, error) => shouldRetry(failureCount, error, policy.retry),
    retryDelay: (failureCount, error) => retryDelayFor(failureCount, error, policy.retryDelay),
    retryOnMount: false,
  });
}
