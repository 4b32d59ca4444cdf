'use client';
import { noop, notifyManager, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CheckoutSessionPolicy, CheckoutSessionQuery } from './queryOptions';
import { subscribeToSessionEntry } from './sessionEvents';
import { findSessionQuery, willPollAgain } from './sessionResult';
import { startWatching, tellTransition, type CheckoutSessionCallbacks } from './sessionTransitions';

/**
 * What `useCheckoutSession` adds to React Query's own observer, on one subscription to its own
 * session's cache entry: the status callbacks, and whether the kit will ask again. That flag is
 * read from the cache rather than the result: polling can stop (maxPollDuration, a pollInterval
 * that returns false) on a poll whose data is unchanged, which changes no field of the result.
 */
export function useSessionWatch(
  queryClient: QueryClient,
  queryHash: string | undefined,
  isActive: boolean,
  policy: CheckoutSessionPolicy,
  callbacks: CheckoutSessionCallbacks,
): boolean {
  const watcher = useRef(callbacks);
  // The policy object is new on each render: the subscription reads the latest.
  const policyRef = useRef(policy);
  useEffect(() => {
    watcher.current = callbacks;
    policyRef.current = policy;
  });
  // A new clock reading for each session watched.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const watchingSince = useMemo(() => startWatching(), [queryHash]);

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (queryHash === undefined) return noop;
      // What the cache held before this subscription (a first answer, a prefetch), then each change.
      tellTransition(findSessionQuery(queryClient, queryHash), watcher, watchingSince);
      // Batched like React Query's own observers, so a poll that changes both the data and the
      // flag renders once, not twice.
      const notify = notifyManager.batchCalls(onChange);
      let shown = willPollAgain(findSessionQuery(queryClient, queryHash), isActive, policyRef.current);
      return subscribeToSessionEntry(queryClient, queryHash, (event) => {
        if (event.type === 'updated') tellTransition(event.query as CheckoutSessionQuery, watcher, watchingSince);
        // React is woken only when the flag changed, not on each of a poll's events.
        const isPolling = willPollAgain(findSessionQuery(queryClient, queryHash), isActive, policyRef.current);
        if (isPolling === shown) return;
        shown = isPolling;
        notify();
      });
    },
    [queryClient, queryHash, watchingSince, isActive],
  );
  return useSyncExternalStore(subscribe, () => willPollAgain(findSessionQuery(queryClient, queryHash), isActive, policy), () => false);
}
