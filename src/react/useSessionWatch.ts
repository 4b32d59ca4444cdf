'use client';
import { noop, notifyManager, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CheckoutClient } from '../core/client';
import { tabSharing } from '../core/tabSharing';
import type { CheckoutSessionQuery } from './queryOptions';
import { subscribeToSessionEntry } from './sessionEvents';
import {
  findSessionQuery,
  hasSessionId,
  sessionQueryHash,
  willPollAgain,
  withSessionFlags,
  type CheckoutSessionFlags,
  type SplitOptions,
} from './sessionResult';
import { startWatching, tellTransition } from './sessionTransitions';

/**
 * What `useCheckoutSession` and `useSuspenseCheckoutSession` add to React Query's result, on
 * one subscription to their own session's cache entry: the status callbacks, `isTerminal` and
 * `isPolling` (whether the kit will ask again), and, while active, following the session with
 * the other tabs (see `createCheckoutClient`'s `crossTab`). `isPolling` is read from the cache
 * rather than the result: polling can stop (maxPollDuration, a pollInterval that returns
 * false) on a poll whose data is unchanged, which changes no field of the result.
 */
export function useSessionWatch<TResult extends Parameters<typeof withSessionFlags>[0]>(
  result: TResult,
  client: CheckoutClient,
  queryClient: QueryClient,
  sessionId: string | null | undefined,
  isActive: boolean,
  split: Pick<SplitOptions<unknown>, 'policy' | 'callbacks'>,
): TResult & CheckoutSessionFlags {
  // The id is hashed once, and the clock read once, for each session watched.
  const [queryHash, watchingSince] = useMemo(() => [hasSessionId(sessionId) ? sessionQueryHash(sessionId) : undefined, startWatching()] as const, [sessionId]);
  // The options are new on each render: the subscription reads the latest policy and callbacks.
  const watcher = useRef(split);
  useEffect(() => {
    watcher.current = split;
  });

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (queryHash === undefined) return noop;
      const leaveTabs = isActive ? tabSharing.get(client)?.(queryClient, sessionId!) : undefined;
      // What the cache held before this subscription (a first answer, a prefetch), then each change.
      tellTransition(findSessionQuery(queryClient, queryHash), watcher, watchingSince);
      // Batched like React Query's own observers, so a poll that changes both the data and the
      // flag renders once, not twice.
      const notify = notifyManager.batchCalls(onChange);
      const willPoll = () => willPollAgain(findSessionQuery(queryClient, queryHash), isActive, watcher.current.policy);
      let shown = willPoll();
      const stopWatching = subscribeToSessionEntry(queryClient, queryHash, (event) => {
        if (event.type === 'updated') tellTransition(event.query as CheckoutSessionQuery, watcher, watchingSince);
        // React is woken only when the flag changed, not on each of a poll's events.
        if (willPoll() === shown) return;
        shown = !shown;
        notify();
      });
      return () => {
        stopWatching();
        leaveTabs?.();
      };
    },
    // The id, its hash and the clock reading change together.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, queryClient, queryHash, isActive],
  );
  const query = () => findSessionQuery(queryClient, queryHash);
  return withSessionFlags(result, query, useSyncExternalStore(subscribe, () => willPollAgain(query(), isActive, split.policy), () => false));
}
