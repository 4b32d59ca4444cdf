'use client';
import { hashKey, notifyManager, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { CheckoutClient } from '../core/client';
import type { CheckoutApiError } from '../core/errors';
import type { CheckoutSession } from '../core/schema';
import { isTerminalStatus } from '../core/status';
import {
  checkoutSessionKeys,
  pollDelayForQuery,
  type CheckoutSessionPolicy,
  type CheckoutSessionQuery,
} from './queryOptions';

// What the two hooks share: splitting the kit's options from React Query's, the
// isTerminal/isPolling flags, and the status callbacks.

/**
 * Called once per status change of a session (its first status included), never per poll,
 * render or watcher: when several components watching one session pass callbacks, the first
 * to see a change calls its own, and a watcher that mounts later is not told again.
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
  const idsKey = sessionIds.join('\u0000');
  const subscribe = useCallback(
    (onChange: () => void) => {
      const watched = new Set(idsKey.split('\u0000'));
      // Batched like React Query's own observers, so a poll that changes both the data and
      // the flag renders once, not twice.
      const notify = notifyManager.batchCalls(onChange);
      return queryClient.getQueryCache().subscribe((event) => {
        // Only a change of the entry's state can change the flag; the observer events that
        // follow each one would only make a dashboard re-check every session again.
        if (event.type !== 'updated' && event.type !== 'added' && event.type !== 'removed') return;
        const [scope, sessionId] = event.query.queryKey;
        if (scope === checkoutSessionKeys.all[0] && watched.has(String(sessionId))) notify();
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

// The session last announced for each cache entry, shared by every watcher of it. Kept per
// entry rather than per hook, so two watchers do not both announce a change and a remount
// does not announce it again; it goes with the entry when React Query collects it.
const announced = new WeakMap<CheckoutSessionQuery, CheckoutSession>();

/**
 * Fires the status callbacks once per transition of each session, reading the session as
 * fetched (before any `select`). The effect runs after every render; StrictMode's second run
 * and polls that return the same status find the change already announced.
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
  useEffect(() => {
    const { onStatusChange, onTerminal } = callbacksRef.current;
    // A watcher with nothing to call must not use up a change that another would announce.
    if (!onStatusChange && !onTerminal) return;
    for (const sessionId of sessionIds) {
      const query = findSessionQuery(queryClient, sessionId);
      const session = query?.state.data;
      if (!query || !session) continue;
      const previous = announced.get(query);
      if (previous?.status === session.status) continue;
      announced.set(query, session);
      onStatusChange?.(session, previous);
      if (isTerminalStatus(session.status) && !isTerminalStatus(previous?.status)) onTerminal?.(session);
    }
  });
}
