'use client';
import { useQueries, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CheckoutApiError } from '../core/errors';
import type { CheckoutSession } from '../core/schema';
import { useResolvedCheckoutClient } from './context';
import type { CheckoutSessionQueryKey } from './queryOptions';
import {
  findSessionQuery,
  hasSessionId,
  hookQueryOptions,
  splitOptions,
  usePollingSnapshot,
  useSessionTransitions,
  withSessionFlags,
} from './sessionResult';
import type { UseCheckoutSessionOptions, UseCheckoutSessionResult } from './useCheckoutSession';

/**
 * Follows many sessions at once for a dashboard: one result per id, in id order, each shaped
 * like {@link useCheckoutSession}'s, all on the same cache and polling policy, so a session
 * also shown elsewhere on the page is still asked once per period. The callbacks fire once
 * per transition of each session. For rows that re-render only when their own session
 * changes, give each row the id and let it call `useCheckoutSession(id)`: it shares this
 * hook's cache entry and requests.
 *
 * @example
 * const results = useCheckoutSessions(ids);
 * const stillPending = results.filter((result) => result.isPolling).length;
 */
export function useCheckoutSessions(
  sessionIds: readonly string[],
  options: UseCheckoutSessionOptions = {},
): UseCheckoutSessionResult[] {
  const split = splitOptions(options);
  const client = useResolvedCheckoutClient(split.client, 'useCheckoutSessions');
  const queryClient = useQueryClient(split.queryClient);

  const results = useQueries(
    {
      queries: sessionIds.map(
        (sessionId) =>
          hookQueryOptions(client, sessionId, split, hasSessionId(sessionId) && split.enabled) as UseQueryOptions<CheckoutSession, CheckoutApiError, CheckoutSession, CheckoutSessionQueryKey>,
      ),
    },
    queryClient,
  );

  useSessionTransitions(queryClient, sessionIds, split.callbacks);

  const polling = usePollingSnapshot(queryClient, sessionIds, split.enabled, split.policy);
  return results.map((result, index) =>
    withSessionFlags(result, () => findSessionQuery(queryClient, sessionIds[index]), polling[index] === '1'),
  );
}
