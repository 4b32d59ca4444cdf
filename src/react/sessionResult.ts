'use client';
import { hashKey, notifyManager, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CheckoutClient } from '../core/client';
import type { CheckoutApiError } from '../core/errors';
import type { CheckoutSession } from '../core/schema';
import { isTerminalStatus } from '../core/status';
import {
  checkoutSessionKeys,
  checkoutSessionQueryOptions,
  pollDelayForQuery,
  type CheckoutSessionPolicy,
  type CheckoutSessionQuery,
} from './queryOptions';

// What the two hooks share: splitting the kit's options from React Query's, the
// isTerminal/isPolling flags, and the status callbacks.

/**
 * Called once per status change of a session (its first status included), never per poll or
 * render: a function passed by several watchers of one session is called once, each distinct
 * function is called, and a watcher that mounts after a change, or switches to the session
 * after it, is not told of it.
 */
export interface CheckoutSessionCallbacks {
  onStatusChange?: ((session: CheckoutSession, previous: CheckoutSession | undefined) => void) | undefined;
  /** When the session reaches a terminal status. */
  onTerminal?: ((session: CheckoutSession) => void) | undefined;
}

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

/**
 * What both hooks give React Query for one session: the shared options, the caller's React
 * Query options over them, and whether it may fetch.
 */
export function hookQueryOptions<TQueryOptions>(
  client: CheckoutClient,
  sessionId: string,
  split: SplitOptions<TQueryOptions>,
  enabled: boolean,
): ReturnType<typeof checkoutSessionQueryOptions> & TQueryOptions & { enabled: boolean } {
  return {
    ...checkoutSessionQueryOptions(client, sessionId, split.policy),
    // A watcher that mounts on a retryable error waits for the next poll, so dashboard rows
    // mounting as a filter changes do not each ask again for a failing session. With
    // throwOnError the shared rule stays: an error boundary's reset asks again.
    ...((split.queryOptions as { throwOnError?: unknown }).throwOnError ? {} : { retryOnMount: false }),
    ...split.queryOptions,
    enabled,
  };
}

/**
 * The session's cache entry, looked up by hash: `QueryCache.find` scans every entry, which a
 * dashboard of many sessions would pay on every poll of every session.
 */
export function findSessionQuery(queryClient: QueryClient, sessionId: string | null | undefined) {
  if (!hasSessionId(sessionId)) return undefined;
  return queryClient.getQueryCache().get(sessionQueryHash(sessionId)) as CheckoutSessionQuery | undefined;
}

// Hashing the key was most of a lookup's cost, and a dashboard's isPolling snapshot looks every
// session up on every cache event: 120 sessions polled each second spent a quarter of the
// page's main thread in hashKey (e2e/merchant-dashboard.e2e.ts). Remembered per id, bounded so
// ids that come and go cannot grow it for ever.
const queryHashes = new Map<string, string>();
const MAX_REMEMBERED_HASHES = 5_000;

function sessionQueryHash(sessionId: string): string {
  let hash = queryHashes.get(sessionId);
  if (hash === undefined) {
    if (queryHashes.size >= MAX_REMEMBERED_HASHES) queryHashes.clear();
    hash = hashKey(checkoutSessionKeys.detail(sessionId));
    queryHashes.set(sessionId, hash);
  }
  return hash;
}

/** A hook's ids as one string, so effects and subscriptions change only when the ids do. */
const sessionIdsKey = (sessionIds: ReadonlyArray<string | null | undefined>) => sessionIds.join('\u0000');

/** The cache hashes of the sessions in a {@link sessionIdsKey}. */
const watchedHashes = (idsKey: string) => new Set(idsKey.split('\u0000').filter(hasSessionId).map(sessionQueryHash));

/**
 * Whether each session will be asked again, as a string of "1"/"0" so the snapshot compares
 * by value. Subscribed to the query cache rather than read from the result: polling can stop
 * (maxPollDuration, a pollInterval that returns false) on a poll whose data is unchanged,
 * which changes no field of React Query's result, and the flag must still turn false.
 */
export function usePollingSnapshot(
  queryClient: QueryClient,
  sessionIds: ReadonlyArray<string | null | undefined>,
  enabled: boolean,
  policy: CheckoutSessionPolicy,
): string {
  // Only this hook's sessions wake it: a dashboard's rows must not each re-check on every
  // other session's poll.
  const idsKey = sessionIdsKey(sessionIds);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const watched = watchedHashes(idsKey);
      // Batched like React Query's own observers, so a poll that changes both the data and
      // the flag renders once, not twice.
      const notify = notifyManager.batchCalls(onChange);
      return queryClient.getQueryCache().subscribe((event) => {
        // Only a change of the entry's state can change the flag; the observer events that
        // follow each one would only make a dashboard re-check every session again.
        if (event.type !== 'updated' && event.type !== 'added' && event.type !== 'removed') return;
        if (watched.has(event.query.queryHash)) notify();
      });
    },
    [queryClient, idsKey],
  );
  const snapshot = () =>
    sessionIds
      .map((sessionId) => {
        const query = enabled ? findSessionQuery(queryClient, sessionId) : undefined;
        return query !== undefined && pollDelayForQuery(query, policy) !== false ? '1' : '0';
      })
      .join('');
  return useSyncExternalStore(subscribe, snapshot, () => '0'.repeat(sessionIds.length));
}

/**
 * Adds `isTerminal` and `isPolling` to React Query's tracked result without reading its other
 * fields: spreading it would subscribe the component to every field, and re-render it on
 * every poll. `isTerminal` reads only `data`, so it costs no extra renders.
 */
export function withSessionFlags<TData>(
  result: UseQueryResult<TData, CheckoutApiError>,
  query: () => CheckoutSessionQuery | undefined,
  isPolling: boolean,
): UseQueryResult<TData, CheckoutApiError> & CheckoutSessionFlags {
  return new Proxy(result, {
    get(target, key) {
      if (key === 'isTerminal') {
        Reflect.get(target, 'data');
        return isTerminalStatus(query()?.state.data?.status);
      }
      if (key === 'isPolling') return isPolling;
      return Reflect.get(target, key);
    },
  }) as UseQueryResult<TData, CheckoutApiError> & CheckoutSessionFlags;
}

/** A status change of one cache entry, and which watchers and callbacks have handled it. */
interface Transition {
  sequence: number;
  session: CheckoutSession;
  previous: CheckoutSession | undefined;
  told: Set<unknown>;
}

// The latest status change of each cache entry, shared by every watcher of it, and a clock
// that orders those changes against the moment each watcher began to watch. Kept with the entry
// (a WeakMap), so it goes when React Query collects the entry.
const transitions = new WeakMap<CheckoutSessionQuery, Transition>();
let clock = 0;

/**
 * Runs a user's callback inside the query cache's notification without letting its error
 * stop that notification (other watchers would miss the answer): the error is thrown again in
 * a task of its own, as an uncaught error the page's error reporting sees.
 */
function runCallback(callback: () => void) {
  try {
    callback();
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}

/**
 * The entry's latest transition, recorded now if its status changed since the last one seen;
 * undefined while it has no data.
 */
function latestTransition(query: CheckoutSessionQuery): Transition | undefined {
  const session = query.state.data;
  if (!session) return undefined;
  let transition = transitions.get(query);
  if (transition?.session.status !== session.status) {
    transition = { sequence: ++clock, session, previous: transition?.session, told: new Set() };
    transitions.set(query, transition);
  }
  return transition;
}

/**
 * Fires the status callbacks once per transition of each session, with the session as
 * fetched (before any `select`). Each callback function is told of a transition once, however
 * many watchers pass it, and a watcher's own callbacks are never dropped because another
 * watcher saw the change first. A watcher is told only of changes from after it began to watch
 * the session, so a remount, or a switch to a session whose status others saw, is not told
 * again; a first status counts as a change when it loads. Driven by the query cache, not by
 * renders: a change that a `select` or `notifyOnChangeProps` keeps from rendering, or that
 * hydrate() writes, is still told on time.
 */
export function useSessionTransitions(
  queryClient: QueryClient,
  sessionIds: ReadonlyArray<string | null | undefined>,
  callbacks: CheckoutSessionCallbacks,
) {
  const callbacksRef = useRef(callbacks);
  useEffect(() => {
    callbacksRef.current = callbacks;
  });
  const idsKey = sessionIdsKey(sessionIds);
  // When this watcher began to watch each session (by cache hash), on the clock of the render
  // that brought the id: effects run children first, so a page whose rows watch the same
  // sessions must not count from after the rows recorded what they saw in the same commit.
  const idsRendered = useMemo(() => ({ idsKey, at: ++clock }), [idsKey]);
  const [watchingSince] = useState(() => new Map<string, number>());
  useEffect(() => {
    const watched = watchedHashes(idsRendered.idsKey);
    for (const hash of watchingSince.keys()) if (!watched.has(hash)) watchingSince.delete(hash);
    for (const hash of watched) if (!watchingSince.has(hash)) watchingSince.set(hash, idsRendered.at);

    const cache = queryClient.getQueryCache();
    const tell = (hash: string) => {
      const query = cache.get(hash) as CheckoutSessionQuery | undefined;
      const transition = query && latestTransition(query);
      // The watcher itself is marked too: StrictMode's second effect run, or a cache event
      // after the first check, must not tell anyone twice.
      if (!transition || transition.sequence < (watchingSince.get(hash) ?? Infinity)) return;
      if (transition.told.has(callbacksRef)) return;
      transition.told.add(callbacksRef);
      const { onStatusChange, onTerminal } = callbacksRef.current;
      if (onStatusChange && !transition.told.has(onStatusChange)) {
        transition.told.add(onStatusChange);
        runCallback(() => onStatusChange(transition.session, transition.previous));
      }
      const reachedTerminal = isTerminalStatus(transition.session.status) && !isTerminalStatus(transition.previous?.status);
      if (onTerminal && reachedTerminal && !transition.told.has(onTerminal)) {
        transition.told.add(onTerminal);
        runCallback(() => onTerminal(transition.session));
      }
    };
    // What the cache held before this effect ran (a first answer, a prefetch), then every
    // change of each entry: an answer, or data written by hydrate() or setQueryData().
    watched.forEach(tell);
    return cache.subscribe((event) => {
      if (event.type === 'updated' && watched.has(event.query.queryHash)) tell(event.query.queryHash);
    });
  }, [queryClient, idsRendered, watchingSince]);
}
