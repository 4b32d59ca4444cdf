'use client';
import { noop, notifyManager, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CheckoutClient } from '../core/client';
import { tabSharing } from '../core/tabSharing';
import type { CheckoutSessionPolicy, CheckoutSessionQuery } from './queryOptions';
import { subscribeToSessionEntry } from './sessionEvents';
import { findSessionQuery, hasSessionId, sessionQueryHash, willPollAgain } from './sessionResult';
import { startWatching, tellTransition, type CheckoutSessionCallbacks } from './sessionTransitions';

/**
 * What `useCheckoutSession` and `useSuspenseCheckoutSession` add to React Query's own observer,
 * on one subscription to their own session's cache entry: the status callbacks, whether the kit
 * will ask again, and, while active, following the session with the other tabs (see
 * `createCheckoutClient`'s `crossTab`). That flag is read from the cache rather than the
 * result: polling can stop (maxPollDuration, a pollInterval that returns false) on a poll whose
 * data is unchanged, which changes no field of the result. Returns the flag, and how to find
 * the session's cache entry.
 */
export function useSessionWatch(
  client: CheckoutClient,
  queryClient: QueryClient,
  sessionId: string | null | undefined,
  isActive: boolean,
  policy: CheckoutSessionPolicy,
  callbacks: CheckoutSessionCallbacks,
): [isPolling: boolean, query: () => CheckoutSessionQuery | undefined] {
  const queryHash = useMemo(() => (hasSessionId(sessionId) ? sessionQueryHash(sessionId) : undefined), [sessionId]);
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
      const leaveTabs = isActive ? tabSharing.get(client)?.(queryClient, sessionId!) : undefined;
      // What the cache held before this subscription (a first answer, a prefetch), then each change.
      tellTransition(findSessionQuery(queryClient, queryHash), watcher, watchingSince);
      // Batched like React Query's own observers, so a poll that changes both the data and the
      // flag renders once, not twice.
      const notify = notifyManager.batchCalls(onChange);
      let shown = willPollAgain(findSessionQuery(queryClient, queryHash), isActive, policyRef.current);
      const stopWatching = subscribeToSessionEntry(queryClient, queryHash, (event) => {
        if (event.type === 'updated') tellTransition(event.query as CheckoutSessionQuery, watcher, watchingSince);
        // React is woken only when the flag changed, not on each of a poll's events.
        const isPolling = willPollAgain(findSessionQuery(queryClient, queryHash), isActive, policyRef.current);
        if (isPolling === shown) return;
        shown = isPolling;
        notify();
      });
      return () => {
        stopWatching();
        leaveTabs?.();
      };
    },
    // The id changes exactly when its hash does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, queryClient, queryHash, watchingSince, isActive],
  );
  const query = () => findSessionQuery(queryClient, queryHash);
  return [useSyncExternalStore(subscribe, () => willPollAgain(query(), isActive, policy), () => false), query];
}
