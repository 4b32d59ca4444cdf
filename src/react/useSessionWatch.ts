'use client';
import { noop, notifyManager, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CheckoutSessionPolicy, CheckoutSessionQuery } from './queryOptions';
import { subscribeToSessionEntry } from './sessionEvents';
import { findSessionQuery, willPollAgain } from './sessionResult';
import { startWatching, tellTransition, type CheckoutSessionCallbacks } from './sessionTransitions';

/** The flag as React last read it, kept across renders without rendering, as a ref would be. */
class LastRead {
  value = false;

  remember(value: boolean): boolean {
    this.value = value;
    return value;
  }
}

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
  useEffect(() => {
    watcher.current = callbacks;
  });
  // A new clock reading for each session watched.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const watchingSince = useMemo(() => startWatching(), [queryHash]);

  // What the flag is computed from, for the subscription, which outlives the render.
  const flagInputs = useRef({ isActive, policy });
  useEffect(() => {
    flagInputs.current = { isActive, policy };
  });
  const isPollingNow = useCallback(
    (inputs: { isActive: boolean; policy: CheckoutSessionPolicy }) =>
      willPollAgain(findSessionQuery(queryClient, queryHash), inputs.isActive, inputs.policy),
    [queryClient, queryHash],
  );

  const [lastRead] = useState(() => new LastRead());
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (queryHash === undefined) return noop;
      // What the cache held before this subscription (a first answer, a prefetch), then each change.
      tellTransition(findSessionQuery(queryClient, queryHash), watcher, watchingSince);
      // Batched like React Query's own observers, so a poll that changes both the data and the
      // flag renders once, not twice.
      const notify = notifyManager.batchCalls(onChange);
      return subscribeToSessionEntry(queryClient, queryHash, (event) => {
        if (event.type === 'updated') tellTransition(event.query as CheckoutSessionQuery, watcher, watchingSince);
        // React is woken only when the flag differs from what it last read, not on each of a
        // poll's events.
        if (isPollingNow(flagInputs.current) !== lastRead.value) notify();
      });
    },
    [queryClient, queryHash, watchingSince, isPollingNow, lastRead],
  );
  return useSyncExternalStore(subscribe, () => lastRead.remember(isPollingNow({ isActive, policy })), () => false);
}
